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

/** For the maps made with `reuse`, the values their owner's {@link forgetOwner} set aside, by owner. */
const LEFTOVERS = new WeakMap<WeakMap<object, unknown>, WeakMap<object, unknown>>();

/** Options of {@link ownerMap}. */
export interface OwnerMapOptions {
  /**
   * Keep a forgotten value aside for {@link takeLeftover} instead of dropping it: its memory (typed arrays, lists)
   * can then be rewritten for the owner's new content rather than left to the collector.
   */
  reuse: boolean;
}

export const DEFAULT_OWNER_MAP_OPTIONS: OwnerMapOptions = { reuse: false };

/** A WeakMap whose entries {@link forgetOwner} drops; use it for anything cached by a graph object. */
export function ownerMap<O extends object, V>(options: Partial<OwnerMapOptions> = {}): WeakMap<O, V> {
  const { reuse } = { ...DEFAULT_OWNER_MAP_OPTIONS, ...options };
  const map = new WeakMap<O, V>();
  MAPS.add(new WeakRef(map as WeakMap<object, unknown>));
  if (reuse) LEFTOVERS.set(map as WeakMap<object, unknown>, new WeakMap());
  return map;
}

/** Drops `owner`'s entry from every owner map: what was derived from it is recomputed on next use. */
export function forgetOwner(owner: object): void {
  for (const ref of MAPS) {
    const map = ref.deref();
    if (!map) {
      MAPS.delete(ref);
      continue;
    }
    const leftovers = LEFTOVERS.get(map);
    if (leftovers && map.has(owner)) leftovers.set(owner, map.get(owner));
    map.delete(owner);
  }
}

/**
 * The value `map` (made with `reuse`) held for `owner` before {@link forgetOwner}, once: no one reads it any more, so
 * the caller may rewrite its memory. Undefined when there is none.
 */
export function takeLeftover<O extends object, V>(map: WeakMap<O, V>, owner: O): V | undefined {
  const leftovers = LEFTOVERS.get(map as WeakMap<object, unknown>);
  const value = leftovers?.get(owner) as V | undefined;
  leftovers?.delete(owner);
  return value;
}
