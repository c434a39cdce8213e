/**
 * Owner maps: WeakMaps of values derived from an owner object (a graph's indexes, views, filtered copies), all of
 * which one call forgets when the owner is about to change in place.
 *
 * A served graph is never changed while it is served, so what is derived from it is cached by the graph object. The
 * writer, though, recycles a graph that is no longer served — it applies the next write's changes to it instead of
 * copying the whole graph again — and then every value derived from its old content must go: {@link forgetOwner}.
 */

/** Every owner map made so far, weakly: a map made per ontology or lexicon goes away with them. */
const MAPS = new Set<WeakRef<WeakMap<object, unknown>>>();

/** A WeakMap whose entries {@link forgetOwner} drops; use it for anything cached by a graph object. */
export function ownerMap<O extends object, V>(): WeakMap<O, V> {
  const map = new WeakMap<O, V>();
  MAPS.add(new WeakRef(map as WeakMap<object, unknown>));
  return map;
}

/** Drops `owner`'s entry from every owner map: what was derived from it is recomputed on next use. */
export function forgetOwner(owner: object): void {
  for (const ref of MAPS) {
    const map = ref.deref();
    if (map) map.delete(owner);
    else MAPS.delete(ref);
  }
}
