/**
 * Shallow copy of an attribute object that keeps sharing hidden classes: what the writer uses wherever it copies the
 * attributes of every node or edge of a large graph.
 *
 * Hand-written because the spread the language offers (`{ ...attributes }`) is the wrong tool there: V8 answers a
 * spread of objects of one shape, once its inline cache is megamorphic, with a fresh hidden class per copy. Copies of
 * a 500k-edge graph then came out with nearly one hidden class per edge: more memory for the collector to mark, and
 * every read of a property such an object lacks allocated (32 MB per pass over the edges). `Object.assign` onto a
 * fresh literal adds the properties in order along V8's shared transitions, so copies of one shape share one class.
 */

/** A copy of `attributes`' own enumerable properties, as `{ ...attributes }` gives. */
export function shallowCopy<T extends object>(attributes: T): T {
  // Assigning "__proto__" would set the copy's prototype instead of copying the property (JSON can hold one).
  if (Object.hasOwn(attributes, "__proto__")) return { ...attributes };
  return Object.assign({}, attributes);
}
