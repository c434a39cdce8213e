/**
 * Path index: a compact typed-array (CSR) adjacency of the graph, built once per graph and cached on the graph object.
 *
 * Hand-written rather than walking the graphology object: graphology-shortest-path has no predicate, confidence or
 * node filters, no k paths and no time budget, and it pays a callback and string lookups per step. Here a hop is two
 * array reads, so a BFS over 500k edges takes milliseconds.
 */
import type { KnowledgeGraph } from "../model/types.ts";

/**
 * Every node's edges as one slice of `neighbor`/`edge`: `[offsets[v], split[v])` are the edges leaving v (walked
 * forward), `[split[v], offsets[v + 1])` those entering it (walked backward). Self-loops are left out: no simple path
 * uses them.
 */
export interface PathIndex {
  /** Graph size when built: a changed graph gets a fresh index. */
  order: number;
  size: number;
  nodes: string[];
  nodeIndex: Map<string, number>;
  edges: string[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Index into `predicates`. */
  edgePredicate: Int32Array;
  /**
   * Float64 rather than Float32: a Float32 0.95 is below 0.95, which would make `minConfidence=0.95` drop it, and
   * path confidences would differ from the ones reported from the graph's attributes.
   */
  edgeConfidence: Float64Array;
  predicates: string[];
  predicateIndex: Map<string, number>;
  offsets: Int32Array;
  split: Int32Array;
  neighbor: Int32Array;
  edge: Int32Array;
  /**
   * The confidence and predicate of each slice entry's edge, copied beside `neighbor`: a BFS then reads memory in
   * order instead of jumping into the per-edge arrays, which on a 500k-edge graph would miss the cache at every hop.
   */
  entryConfidence: Float64Array;
  entryPredicate: Int32Array;
}

// Keyed by the graph object so a replaced graph drops its index with it.
const CACHE = new WeakMap<KnowledgeGraph, PathIndex>();

/** The graph's path index, built on first use and rebuilt when the graph's size changed since. */
export function pathIndexOf(graph: KnowledgeGraph): PathIndex {
  const cached = CACHE.get(graph);
  if (cached && cached.order === graph.order && cached.size === graph.size) return cached;
  const index = buildPathIndex(graph);
  CACHE.set(graph, index);
  return index;
}

/** Builds the CSR index in O(nodes + edges). */
export function buildPathIndex(graph: KnowledgeGraph): PathIndex {
  const nodes = graph.nodes();
  const nodeIndex = new Map<string, number>();
  nodes.forEach((key, i) => nodeIndex.set(key, i));
  const m = graph.size;
  const edges: string[] = new Array(m);
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const edgePredicate = new Int32Array(m);
  const edgeConfidence = new Float64Array(m);
  const predicates: string[] = [];
  const predicateIndex = new Map<string, number>();
  let e = 0;
  graph.forEachEdge((key, attributes, source, target) => {
    let p = predicateIndex.get(attributes.predicate);
    if (p === undefined) {
      p = predicates.push(attributes.predicate) - 1;
      predicateIndex.set(attributes.predicate, p);
    }
    edges[e] = key;
    edgeSource[e] = nodeIndex.get(source)!;
    edgeTarget[e] = nodeIndex.get(target)!;
    edgePredicate[e] = p;
    edgeConfidence[e] = typeof attributes.confidence === "number" ? attributes.confidence : 1;
    e++;
  });
  const { offsets, split, neighbor, edge } = buildAdjacency(nodes.length, edgeSource, edgeTarget);
  // Listed property by property (no spread) so the object keeps a fixed shape for the hot loops that read it.
  return {
    order: graph.order,
    size: m,
    nodes,
    nodeIndex,
    edges,
    edgeSource,
    edgeTarget,
    edgePredicate,
    edgeConfidence,
    predicates,
    predicateIndex,
    offsets,
    split,
    neighbor,
    edge,
    entryConfidence: gather(edgeConfidence, edge, new Float64Array(edge.length)),
    entryPredicate: gather(edgePredicate, edge, new Int32Array(edge.length)),
  };
}

/** `out[i] = values[at[i]]`. */
function gather<T extends Float64Array | Int32Array>(values: T, at: Int32Array, out: T): T {
  for (let i = 0; i < at.length; i++) out[i] = values[at[i]];
  return out;
}

/** Counting sort of the edges into per-node slices: out-edges first, then in-edges. */
function buildAdjacency(n: number, edgeSource: Int32Array, edgeTarget: Int32Array) {
  const outDegree = new Int32Array(n);
  const inDegree = new Int32Array(n);
  for (let e = 0; e < edgeSource.length; e++) {
    if (edgeSource[e] === edgeTarget[e]) continue;
    outDegree[edgeSource[e]]++;
    inDegree[edgeTarget[e]]++;
  }
  const offsets = new Int32Array(n + 1);
  const split = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    split[v] = offsets[v] + outDegree[v];
    offsets[v + 1] = split[v] + inDegree[v];
  }
  const neighbor = new Int32Array(offsets[n]);
  const edge = new Int32Array(offsets[n]);
  const nextOut = offsets.slice(0, n);
  const nextIn = split.slice();
  for (let e = 0; e < edgeSource.length; e++) {
    const s = edgeSource[e];
    const t = edgeTarget[e];
    if (s === t) continue;
    neighbor[nextOut[s]] = t;
    edge[nextOut[s]++] = e;
    neighbor[nextIn[t]] = s;
    edge[nextIn[t]++] = e;
  }
  return { offsets, split, neighbor, edge };
}
