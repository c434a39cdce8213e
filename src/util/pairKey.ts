/** Unordered pair keys: one key for (a, b) and (b, a), for sets and maps of links whose direction does not matter. */

/** The key of the unordered pair {a, b}; the separator cannot occur in ids or numbers. */
export function unorderedPairKey<T extends string | number>(a: T, b: T): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
