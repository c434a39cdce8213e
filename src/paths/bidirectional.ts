/**
 * Bidirectional BFS over the path index: the fewest-hops path, and among those the one with the highest total
 * confidence, under a query's walk rules.
 */
import type { PathIndex } from "./pathIndex.ts";
import { CLOCK_CHECK_MASK, type RawPath, type WalkRules } from "./walk.ts";

/** Outcome of one search: a path, none within `maxHops`, or the time budget ran out. */
export type SearchOutcome = { type: "found"; path: RawPath } | { type: "none" } | { type: "timeout" };

// Ties in total confidence keep the first path found, so results do not depend on rounding noise.
const EPSILON = 1e-12;

/** Hops fit in 4 bits (maxHops ≤ 8), so one mark holds both the search it belongs to and the hop count. */
const LAYER_BITS = 4;
const MAX_EPOCH = 2 ** (32 - LAYER_BITS) - 1;

/**
 * Reusable per-index buffers. `mark[v] = epoch · 16 + hops`: a node is visited in this search when its mark is at
 * least `epoch · 16`, so nothing is cleared between searches and one read gives both facts.
 */
interface Scratch {
  epoch: number;
  mark: [Uint32Array, Uint32Array];
  best: [Float64Array, Float64Array];
  /** The slice entry a node was reached by (its owner is the previous node, its edge the hop); -1 at the ends. */
  via: [Int32Array, Int32Array];
  frontier: [Int32Array, Int32Array];
  next: Int32Array;
}

const SCRATCH = new WeakMap<PathIndex, Scratch>();

function scratchOf(index: PathIndex): Scratch {
  let s = SCRATCH.get(index);
  if (!s) {
    const n = index.nodes.length;
    const pair = <T>(make: () => T): [T, T] => [make(), make()];
    s = {
      epoch: 0,
      mark: pair(() => new Uint32Array(n)),
      best: pair(() => new Float64Array(n)),
      via: pair(() => new Int32Array(n)),
      frontier: pair(() => new Int32Array(n)),
      next: new Int32Array(n),
    };
    SCRATCH.set(index, s);
  }
  if (++s.epoch === MAX_EPOCH) {
    s.mark[0].fill(0);
    s.mark[1].fill(0);
    s.epoch = 1;
  }
  return s;
}

/**
 * The shortest path from `source` to `target` of at most `maxHops` hops; among equally short ones the highest total
 * confidence wins. `bannedFirst` lists nodes the first hop may not step to (Yen's spur rule). Exact: both sides grow
 * one whole BFS layer at a time, so when they first meet every shortest path crosses the meeting layer, and each
 * node's best confidence from its side is final.
 */
export function bidirectionalSearch(
  index: PathIndex,
  rules: WalkRules,
  source: number,
  target: number,
  maxHops: number,
  bannedFirst: readonly number[] = [],
): SearchOutcome {
  if (source === target) return { type: "found", path: { nodes: [source], edges: [], confidence: 0 } };
  const s = scratchOf(index);
  const base = (s.epoch << LAYER_BITS) >>> 0;
  const sizes = [1, 1];
  const radius = [0, 0];
  const ends = [source, target];
  // Each side grows where the next layer costs less: the edges its frontier will scan, not its node count (on
  // scale-free graphs one hub outweighs thousands of leaves).
  const cost = [walkDegree(index, rules, source, 0), walkDegree(index, rules, target, 1)];
  for (const side of [0, 1]) {
    s.mark[side][ends[side]] = base;
    s.best[side][ends[side]] = 0;
    s.via[side][ends[side]] = -1;
    s.frontier[side][0] = ends[side];
  }
  // The hot loop reads only locals: property look-ups per edge would cost more than the walk itself.
  const { offsets, split, neighbor, entryConfidence, entryPredicate } = index;
  const { blocked, allowedPredicate, minConfidence, deadline } = rules;
  const banning = bannedFirst.length > 0;
  let work = 0;
  while (radius[0] + radius[1] < maxHops) {
    if (sizes[0] === 0 || sizes[1] === 0) return { type: "none" };
    const side = cost[0] <= cost[1] ? 0 : 1;
    const mark = s.mark[side];
    const best = s.best[side];
    const via = s.via[side];
    const layer = radius[side] + 1;
    const layerMark = base + layer;
    const frontier = s.frontier[side];
    const size = sizes[side];
    const next = s.next;
    let count = 0;
    let nextCost = 0;
    // Side 0 walks edges along their direction, side 1 against it (when directed).
    const fromOut = !rules.directed || side === 0;
    const fromIn = !rules.directed || side === 1;
    for (let f = 0; f < size; f++) {
      const u = frontier[f];
      const start = fromOut ? offsets[u] : split[u];
      const end = fromIn ? offsets[u + 1] : split[u];
      const bestU = best[u];
      for (let i = start; i < end; i++) {
        if ((++work & CLOCK_CHECK_MASK) === 0 && performance.now() > deadline) return { type: "timeout" };
        const v = neighbor[i];
        if (blocked[v] === 1) continue;
        const confidence = entryConfidence[i];
        if (confidence < minConfidence) continue;
        if (allowedPredicate !== null && allowedPredicate[entryPredicate[i]] !== 1) continue;
        if (banning && (side === 0 ? u === source && bannedFirst.includes(v) : v === source && bannedFirst.includes(u)))
          continue;
        const value = bestU + confidence;
        const seen = mark[v];
        if (seen >= base) {
          if (seen === layerMark && value > best[v] + EPSILON) {
            best[v] = value;
            via[v] = i;
          }
          continue;
        }
        mark[v] = layerMark;
        best[v] = value;
        via[v] = i;
        next[count++] = v;
        nextCost += (fromOut ? split[v] - offsets[v] : 0) + (fromIn ? offsets[v + 1] - split[v] : 0);
      }
    }
    // The new layer becomes this side's frontier; the old buffer is reused for the next layer.
    s.frontier[side] = next;
    s.next = frontier;
    sizes[side] = count;
    cost[side] = nextCost;
    radius[side] = layer;
    const meet = bestMeeting(s, side, count, base);
    if (meet >= 0) return { type: "found", path: joinHalves(index, s, meet) };
  }
  return { type: "none" };
}

/** How many adjacency entries a side scans when it expands `v`. */
function walkDegree(index: PathIndex, rules: WalkRules, v: number, side: number): number {
  const out = index.split[v] - index.offsets[v];
  const into = index.offsets[v + 1] - index.split[v];
  if (!rules.directed) return out + into;
  return side === 0 ? out : into;
}

/** The node of the new layer reached from both sides with the highest total confidence, or -1. */
function bestMeeting(s: Scratch, side: number, count: number, base: number): number {
  const other = 1 - side;
  let meet = -1;
  let bestTotal = -Infinity;
  for (let f = 0; f < count; f++) {
    const v = s.frontier[side][f];
    if (s.mark[other][v] < base) continue;
    const total = s.best[0][v] + s.best[1][v];
    if (total > bestTotal + EPSILON) {
      bestTotal = total;
      meet = v;
    }
  }
  return meet;
}

/** Source → meet from the forward side's entries, then meet → target from the backward side's. */
function joinHalves(index: PathIndex, s: Scratch, meet: number): RawPath {
  const nodes: number[] = [meet];
  const edges: number[] = [];
  for (let v = meet; s.via[0][v] !== -1;) {
    const i = s.via[0][v];
    v = ownerOf(index, i);
    nodes.unshift(v);
    edges.unshift(index.edge[i]);
  }
  for (let v = meet; s.via[1][v] !== -1;) {
    const i = s.via[1][v];
    v = ownerOf(index, i);
    nodes.push(v);
    edges.push(index.edge[i]);
  }
  let confidence = 0;
  for (const e of edges) confidence += index.edgeConfidence[e];
  return { nodes, edges, confidence };
}

/** The node whose slice holds entry `i` (binary search over the offsets; only run per hop of a found path). */
function ownerOf(index: PathIndex, i: number): number {
  let lo = 0;
  let hi = index.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (index.offsets[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
