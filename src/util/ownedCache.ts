/**
 * Owned caches: a few values per owner object (a graph, a path index), the least recently used dropped first, and
 * all of them dropped with the owner — for answers that depend only on an owner that is replaced, never changed (or
 * forgotten with `forgetOwner` of ownerMaps.ts before it is changed in place).
 */
import { ownerMap } from "./ownerMaps.ts";

/** Values of `make` by owner and key, at most `size` per owner. */
export function ownedCache<O extends object, V>(size: number) {
  const owners = ownerMap<O, Map<string, V>>();
  return {
    /** The value for (`owner`, `key`), made by `make` the first time. */
    get(owner: O, key: string, make: () => V): V {
      let values = owners.get(owner);
      if (!values) owners.set(owner, (values = new Map()));
      if (values.has(key)) {
        const hit = values.get(key) as V;
        // Least recently used goes first: a hit moves to the end.
        values.delete(key);
        values.set(key, hit);
        return hit;
      }
      const value = make();
      values.set(key, value);
      if (values.size > size) values.delete(values.keys().next().value!);
      return value;
    },
  };
}
