/**
 * Self-loops: the edges from a node to itself, which the path index's slices leave out, found once per index.
 */
import type { PathIndex } from "./pathIndex.ts";

// Keyed by the index, which lives as long as its graph (or snapshot).
const CACHE = new WeakMap<PathIndex, Map<number, number[]>>();

/**
 * Each node's self-loops as edge positions, in edge order, for the nodes that have any. One pass over the edge ends
 * on first use (about 5 ms per million edges): an entity's detail lists its self-loops among its relations.
 */
export function selfLoopsOf(index: PathIndex): Map<number, number[]> {
  let loops = CACHE.get(index);
  if (!loops) {
    loops = new Map();
    const { edgeSource, edgeTarget } = index;
    for (let e = 0; e < edgeSource.length; e++) {
      const v = edgeSource[e];
      if (v !== edgeTarget[e]) continue;
      const list = loops.get(v);
      if (list) list.push(e);
      else loops.set(v, [e]);
    }
    CACHE.set(index, loops);
  }
  return loops;
}
