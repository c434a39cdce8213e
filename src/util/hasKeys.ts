/**
 * Whether an attributes object has any key: graphology's export leaves `attributes` out of elements that have none.
 */
export function hasKeys(attributes: object): boolean {
  for (const _key in attributes) return true;
  return false;
}
