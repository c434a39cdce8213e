/**
 * Path index: a compact typed-array (CSR) adjacency of the graph, built once per graph and cached on the graph object.
 *
 * Hand-written rather than walking the graphology object: graphology-shortest-path has no predicate, confidence or
 * node filters, no k paths and no time budget, and it pays a callback and string lookups per step. Here a hop is two
 * array reads, so a BFS over 500k edges takes milliseconds.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { drain, type Steps } from "../util/slices.ts";
import { ownerMap, takeLeftover } from "../util/ownerMaps.ts";
import { Arena } from "./indexArena.ts";

/** Nodes or edges handled between two points where a build in slices may pause (see {@link pathIndexSteps}). */
const STEP = 1024;
/**
 * The same for the counting sort's passes over typed arrays, a few nanoseconds per entry; its scattered writes into
 * freshly allocated memory still took about 100 ms in one go at 500k edges.
 */
const SORT_STEP = 16 * STEP;

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

// Keyed by the graph object so a replaced graph drops its index with it. A graph the writer recycles leaves its index
// aside, and the index of its next content is written into the same memory (see pathIndexSteps).
const CACHE = ownerMap<KnowledgeGraph, PathIndex>({ reuse: true });

/** Indexes built here, whose memory a later index may take over (not those read from a snapshot). */
const BUILT = new WeakSet<PathIndex>();

/** The graph's path index, built on first use and rebuilt when the graph's size changed since. */
export function pathIndexOf(graph: KnowledgeGraph): PathIndex {
  const cached = cachedPathIndex(graph);
  if (cached) return cached;
  const index = buildPathIndex(graph);
  CACHE.set(graph, index);
  return index;
}

/** The graph's index if one was built or seeded and the graph's size has not changed since; null otherwise. */
export function cachedPathIndex(graph: KnowledgeGraph): PathIndex | null {
  const cached = CACHE.get(graph);
  return cached && cached.order === graph.order && cached.size === graph.size ? cached : null;
}

/**
 * Makes {@link pathIndexOf} answer with `index` for `graph` without building one: an index read from a snapshot of
 * this graph. The caller vouches that it is the graph's (src/snapshot checks the ids and ends before seeding).
 */
export function seedPathIndex(graph: KnowledgeGraph, index: PathIndex): void {
  CACHE.set(graph, index);
}

/**
 * Builds the CSR index in O(nodes + edges), every column in one SharedArrayBuffer allocated once.
 * Why one shared buffer (V8's external-memory collections at 1M nodes): the README, "Performance" (path index).
 */
export function buildPathIndex(graph: KnowledgeGraph): PathIndex {
  return drain(pathIndexSteps(graph));
}

/**
 * {@link buildPathIndex} as steps that pause every {@link STEP} nodes or edges, for a build in slices
 * (src/util/slices.ts) beside requests. `graph` must not change until the steps end.
 */
export function* pathIndexSteps(graph: KnowledgeGraph): Steps<PathIndex> {
  // What the graph's index held before the writer recycled the graph: no request reads it any more, and rewriting its
  // lists and buffer leaves next to no garbage, where a fresh index per write brought the next full collection closer.
  const leftover = takeLeftover(CACHE, graph);
  const previous = leftover && BUILT.has(leftover) ? leftover : null;
  const { nodes, nodeIndex } = yield* nodeColumn(graph, previous);
  const n = nodes.length;
  const m = graph.size;
  // Slices: at most 2 per edge (self-loops get none); Float64 columns first to keep them 8-byte aligned.
  const bytes = 8 * (m + 2 * m) + 4 * (3 * m + (n + 1) + n + 2 * m + 2 * m + 2 * m + n);
  const arena = new Arena(bytes, previous ? (previous.edgeConfidence.buffer as SharedArrayBuffer) : null);
  const edgeConfidence = arena.float64(m);
  const slicesConfidence = arena.float64(2 * m);
  const edgeSource = arena.int32(m);
  const edgeTarget = arena.int32(m);
  const edgePredicate = arena.int32(m);
  const offsets = arena.int32(n + 1);
  const split = arena.int32(n);
  const slicesNeighbor = arena.int32(2 * m);
  const slicesEdge = arena.int32(2 * m);
  const slicesPredicate = arena.int32(2 * m);
  const cursor = arena.int32(n);
  // The counting sort counts into these: a reused buffer holds the last index's values.
  offsets[0] = 0;
  split.fill(0);
  cursor.fill(0);
  const edges: string[] = previous?.edges ?? new Array<string>(m);
  edges.length = m;
  const predicates: string[] = [];
  const predicateIndex = new Map<string, number>();
  let e = 0;
  for (const { edge: key, attributes, source, target } of graph.edgeEntries()) {
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
    if (++e % STEP === 0) yield;
  }
  const slices = yield* countSlices(edgeSource, edgeTarget, offsets, split, cursor);
  const neighbor = slicesNeighbor.subarray(0, slices);
  const edge = slicesEdge.subarray(0, slices);
  const entryConfidence = slicesConfidence.subarray(0, slices);
  const entryPredicate = slicesPredicate.subarray(0, slices);
  yield* fillSlices(edgeSource, edgeTarget, edgeConfidence, edgePredicate, cursor, {
    neighbor,
    edge,
    entryConfidence,
    entryPredicate,
  });
  // Listed property by property (no spread) so the object keeps a fixed shape for the hot loops that read it. A new
  // object even over reused memory: whatever is cached per index object (masks, a worker's copy) must not carry over.
  const index: PathIndex = {
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
    entryConfidence,
    entryPredicate,
  };
  BUILT.add(index);
  return index;
}

/**
 * The graph's node keys in order and their positions: `previous`'s list and Map rewritten in place when given (only
 * the keys that moved are set again, those of dropped nodes deleted), else new ones.
 */
function* nodeColumn(
  graph: KnowledgeGraph,
  previous: PathIndex | null,
): Steps<{ nodes: string[]; nodeIndex: Map<string, number> }> {
  const nodes = previous?.nodes ?? graph.nodes();
  const nodeIndex = previous?.nodeIndex ?? new Map<string, number>();
  let i = 0;
  for (const { node } of graph.nodeEntries()) {
    const old = nodes[i];
    if (old !== node && old !== undefined && !graph.hasNode(old)) nodeIndex.delete(old);
    nodes[i] = node;
    if (nodeIndex.get(node) !== i) nodeIndex.set(node, i);
    if (++i % STEP === 0) yield;
  }
  for (let j = i; j < nodes.length; j++) if (!graph.hasNode(nodes[j])) nodeIndex.delete(nodes[j]);
  nodes.length = i;
  return { nodes, nodeIndex };
}

/**
 * The index without its two look-up Maps, to post to a worker thread: its typed arrays live in a SharedArrayBuffer,
 * so the structured clone shares their memory instead of copying it; only the id lists are copied.
 */
export type PathIndexParts = Omit<PathIndex, "nodeIndex" | "predicateIndex">;

/** {@link PathIndexParts} of `index`. */
export function pathIndexParts(index: PathIndex): PathIndexParts {
  const { nodeIndex: _nodeIndex, predicateIndex: _predicateIndex, ...parts } = index;
  return parts;
}

/** A whole index again from its parts (rebuilding the Maps where it is received, e.g. in a worker thread). */
export function pathIndexFromParts(parts: PathIndexParts): PathIndex {
  const nodeIndex = new Map<string, number>();
  for (let i = 0; i < parts.nodes.length; i++) nodeIndex.set(parts.nodes[i], i);
  const predicateIndex = new Map<string, number>();
  for (let p = 0; p < parts.predicates.length; p++) predicateIndex.set(parts.predicates[p], p);
  // Listed property by property, in buildPathIndex's order, so both kinds of index share one object shape.
  return {
    order: parts.order,
    size: parts.size,
    nodes: parts.nodes,
    nodeIndex,
    edges: parts.edges,
    edgeSource: parts.edgeSource,
    edgeTarget: parts.edgeTarget,
    edgePredicate: parts.edgePredicate,
    edgeConfidence: parts.edgeConfidence,
    predicates: parts.predicates,
    predicateIndex,
    offsets: parts.offsets,
    split: parts.split,
    neighbor: parts.neighbor,
    edge: parts.edge,
    entryConfidence: parts.entryConfidence,
    entryPredicate: parts.entryPredicate,
  };
}

/**
 * Counting sort, first half: sets `[offsets[v], split[v])` (out-edges) and `[split[v], offsets[v + 1])` (in-edges)
 * from the degrees, leaves `cursor[v] = offsets[v]`, and returns the number of slice entries.
 */
function* countSlices(
  edgeSource: Int32Array,
  edgeTarget: Int32Array,
  offsets: Int32Array,
  split: Int32Array,
  cursor: Int32Array,
): Steps<number> {
  const n = split.length;
  // Out-degrees are counted in `cursor` and in-degrees in `split` before both become positions.
  for (let e = 0; e < edgeSource.length; e++) {
    const s = edgeSource[e];
    const t = edgeTarget[e];
    if (s === t) continue;
    cursor[s]++;
    split[t]++;
    if (e % SORT_STEP === 0) yield;
  }
  for (let v = 0; v < n; v++) {
    const inDegree = split[v];
    split[v] = offsets[v] + cursor[v];
    offsets[v + 1] = split[v] + inDegree;
    cursor[v] = offsets[v];
    if (v % SORT_STEP === 0) yield;
  }
  return offsets[n];
}

/** Counting sort, second half: writes each edge into its source's out-slice and its target's in-slice. */
function* fillSlices(
  edgeSource: Int32Array,
  edgeTarget: Int32Array,
  edgeConfidence: Float64Array,
  edgePredicate: Int32Array,
  cursor: Int32Array,
  out: { neighbor: Int32Array; edge: Int32Array; entryConfidence: Float64Array; entryPredicate: Int32Array },
): Steps<void> {
  const { neighbor, edge, entryConfidence, entryPredicate } = out;
  // Two passes keep each slice in edge order with one cursor array: after the out-edges, cursor[v] === split[v].
  for (let pass = 0; pass < 2; pass++) {
    const from = pass === 0 ? edgeSource : edgeTarget;
    const to = pass === 0 ? edgeTarget : edgeSource;
    for (let e = 0; e < from.length; e++) {
      const v = from[e];
      const w = to[e];
      if (v === w) continue;
      const o = cursor[v]++;
      neighbor[o] = w;
      edge[o] = e;
      entryConfidence[o] = edgeConfidence[e];
      entryPredicate[o] = edgePredicate[e];
      if (e % SORT_STEP === 0) yield;
    }
  }
}
