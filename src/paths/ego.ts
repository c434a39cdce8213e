/**
 * Ego walk: the entities within a number of hops of one entity, along or against relations, breadth first.
 */
import type { PathIndex } from "./pathIndex.ts";

/** An ego walk's result: each reached node's index position and hop count, in the order reached. */
export interface EgoWalk {
  levels: Map<number, number>;
  /** True when `limit` stopped the walk before every node within `depth` was reached. */
  truncated: boolean;
}

/** Walks from `center` up to `depth` hops in either direction, keeping at most `limit` nodes (the center counts). */
export function egoWalk(index: PathIndex, center: string, depth: number, limit = Infinity): EgoWalk {
  const start = index.nodeIndex.get(center)!;
  const levels = new Map<number, number>([[start, 0]]);
  let frontier = [start];
  let truncated = false;
  for (let d = 1; d <= depth && frontier.length > 0 && !truncated; d++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (let i = index.offsets[u]; i < index.offsets[u + 1]; i++) {
        const v = index.neighbor[i];
        if (levels.has(v)) continue;
        if (levels.size >= limit) {
          truncated = true;
          break;
        }
        levels.set(v, d);
        next.push(v);
      }
    }
    frontier = next;
  }
  return { levels, truncated };
}
