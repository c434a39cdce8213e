/**
 * Relation masks: the edges of a path index that a time window or a minimum support leaves out, as the 1s of a byte
 * array the searches already read for blocked edges — so a filtered path query walks the served graph's own index
 * instead of a filtered copy of the graph.
 */
import { isFiltering, relationTest, type RelationFilter } from "../graph/relationFilter.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import type { PathIndex } from "./pathIndex.ts";
import { ownedCache } from "../util/ownedCache.ts";

/** Masks kept per index: a client usually asks for the same few windows again. */
const MASKS = ownedCache<PathIndex, Uint8Array>(8);

/**
 * 1 for each indexed edge `filter` leaves out; null when it leaves nothing out. Cached per index (the served graph is
 * replaced, not changed, on a write, and a changed graph gets a new index); callers must not write into it.
 */
export function relationMask(graph: KnowledgeGraph, index: PathIndex, filter: RelationFilter): Uint8Array | null {
  if (!isFiltering(filter)) return null;
  return MASKS.get(index, `${filter.since}|${filter.until}|${filter.minSupport}`, () => {
    const keep = relationTest(graph, filter);
    const mask = new Uint8Array(index.edges.length);
    // The index lists edges in the graph's own order: one pass, without a look-up by key per edge.
    let e = 0;
    let inOrder = true;
    graph.forEachEdge((key, attributes) => {
      inOrder &&= index.edges[e] === key;
      if (!keep(attributes)) mask[e] = 1;
      e++;
    });
    if (inOrder && e === index.edges.length) return mask;
    mask.fill(0);
    for (let i = 0; i < index.edges.length; i++) if (!keep(graph.getEdgeAttributes(index.edges[i]))) mask[i] = 1;
    return mask;
  });
}

/** The edges blocked by either mask (a fresh array when both are given: cached masks are never written). */
export function eitherMask(a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
  if (!a || !b) return a ?? b;
  const both = new Uint8Array(a.length);
  for (let e = 0; e < a.length; e++) both[e] = a[e] | b[e];
  return both;
}
