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

/** What {@link growLayer} returns besides a meeting node. */
const NO_MEETING = -1;
const TIMED_OUT = -2;

// Shared outcomes: a search that finds nothing allocates nothing.
const NONE: SearchOutcome = Object.freeze({ type: "none" });
const TIMEOUT: SearchOutcome = Object.freeze({ type: "timeout" });
const NO_BANS: readonly number[] = Object.freeze([]);

/**
 * Reusable per-index buffers and the state of the search in progress. `mark[v] = epoch · 16 + hops`: a node is
 * visited in this search when its mark is at least `base = epoch · 16`, so nothing is cleared between searches and
 * one read gives both facts. Per side: `[forward from the source, backward from the target]`.
 */
interface Scratch {
  epoch: number;
  base: number;
  mark: [Uint32Array, Uint32Array];
  best: [Float64Array, Float64Array];
  /** The slice entry a node was reached by (its edge is the hop); -1 at the ends. */
  via: [Int32Array, Int32Array];
  frontier: [Int32Array, Int32Array];
  next: Int32Array;
  /** Nodes in each side's frontier, its radius in hops, and how many entries expanding it will scan. */
  size: Int32Array;
  radius: Int32Array;
  cost: Float64Array;
  /** Edge visits so far (the clock is read every CLOCK_CHECK_MASK + 1 of them). */
  work: number;
}

const SCRATCH = new WeakMap<PathIndex, Scratch>();

function scratchOf(index: PathIndex): Scratch {
  let s = SCRATCH.get(index);
  if (!s) {
    const n = index.nodes.length;
    const pair = <T>(make: () => T): [T, T] => [make(), make()];
    s = {
      epoch: 0,
      base: 0,
      mark: pair(() => new Uint32Array(n)),
      best: pair(() => new Float64Array(n)),
      via: pair(() => new Int32Array(n)),
      frontier: pair(() => new Int32Array(n)),
      next: new Int32Array(n),
      size: new Int32Array(2),
      radius: new Int32Array(2),
      cost: new Float64Array(2),
      work: 0,
    };
    SCRATCH.set(index, s);
  }
  if (++s.epoch === MAX_EPOCH) {
    s.mark[0].fill(0);
    s.mark[1].fill(0);
    s.epoch = 1;
  }
  s.base = (s.epoch << LAYER_BITS) >>> 0;
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
  bannedFirst: readonly number[] = NO_BANS,
): SearchOutcome {
  if (source === target) return { type: "found", path: { nodes: [source], edges: [], confidence: 0 } };
  const s = scratchOf(index);
  start(index, rules, s, 0, source);
  start(index, rules, s, 1, target);
  s.work = 0;
  while (s.radius[0] + s.radius[1] < maxHops) {
    if (s.size[0] === 0 || s.size[1] === 0) return NONE;
    // Each side grows where the next layer costs less: the entries its frontier will scan, not its node count (on
    // scale-free graphs one hub outweighs thousands of leaves).
    const side = s.cost[0] <= s.cost[1] ? 0 : 1;
    const meet = growLayer(index, rules, s, side, source, bannedFirst);
    if (meet === TIMED_OUT) return TIMEOUT;
    if (meet !== NO_MEETING) return { type: "found", path: joinHalves(index, s, meet) };
  }
  return NONE;
}

/** Puts `end` alone in `side`'s frontier at radius 0. */
function start(index: PathIndex, rules: WalkRules, s: Scratch, side: 0 | 1, end: number): void {
  s.mark[side][end] = s.base;
  s.best[side][end] = 0;
  s.via[side][end] = -1;
  s.frontier[side][0] = end;
  s.size[side] = 1;
  s.radius[side] = 0;
  s.cost[side] = walkDegree(index, rules, side, end);
}

/** How many slice entries `side` scans when it expands `v`. */
function walkDegree(index: PathIndex, rules: WalkRules, side: 0 | 1, v: number): number {
  const out = index.split[v] - index.offsets[v];
  const into = index.offsets[v + 1] - index.split[v];
  if (!rules.directed) return out + into;
  return side === 0 ? out : into;
}

/**
 * Expands `side`'s frontier by one layer. Returns the best meeting node of the new layer, NO_MEETING (the new layer
 * becomes the frontier), or TIMED_OUT. The hot loop reads only locals: property look-ups per entry would cost more
 * than the walk itself.
 */
function growLayer(
  index: PathIndex,
  rules: WalkRules,
  s: Scratch,
  side: 0 | 1,
  source: number,
  bannedFirst: readonly number[],
): number {
  const { offsets, split, neighbor, edge, entryConfidence, entryPredicate } = index;
  const { blocked, blockedEdge, allowedPredicate, minConfidence, deadline } = rules;
  const { base, next } = s;
  const mark = s.mark[side];
  const best = s.best[side];
  const via = s.via[side];
  const otherMark = s.mark[1 - side];
  const frontier = s.frontier[side];
  const size = s.size[side];
  const layerMark = base + s.radius[side] + 1;
  // Side 0 walks edges along their direction, side 1 against it (when directed).
  const fromOut = !rules.directed || side === 0;
  const fromIn = !rules.directed || side === 1;
  const banning = bannedFirst.length > 0;
  let work = s.work;
  let count = 0;
  let nextCost = 0;
  for (let f = 0; f < size; f++) {
    const u = frontier[f];
    const end = fromIn ? offsets[u + 1] : split[u];
    const bestU = best[u];
    for (let i = fromOut ? offsets[u] : split[u]; i < end; i++) {
      if ((++work & CLOCK_CHECK_MASK) === 0 && performance.now() > deadline) return TIMED_OUT;
      const v = neighbor[i];
      if (blocked[v] === 1) continue;
      const confidence = entryConfidence[i];
      if (confidence < minConfidence) continue;
      if (allowedPredicate !== null && allowedPredicate[entryPredicate[i]] !== 1) continue;
      if (blockedEdge !== null && blockedEdge[edge[i]] === 1) continue;
      if (banning && isBanned(side, source, u, v, bannedFirst)) continue;
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
      if (otherMark[v] >= base) {
        s.work = work;
        return finishMeetingLayer(index, rules, s, side, f, i + 1, v, bannedFirst, source);
      }
      next[count++] = v;
      // Read from the offsets rather than a degree array: their lines are the ones the next expansion reads.
      nextCost += (fromOut ? split[v] - offsets[v] : 0) + (fromIn ? offsets[v + 1] - split[v] : 0);
    }
  }
  s.work = work;
  // The new layer becomes this side's frontier; the old buffer is reused for the next layer.
  s.frontier[side] = next;
  s.next = frontier;
  s.size[side] = count;
  s.cost[side] = nextCost;
  s.radius[side]++;
  return NO_MEETING;
}

/**
 * The rest of the layer in which the sides first met, from entry `i` of frontier node `f` on. This is the last
 * layer, so only nodes the other side reached matter: every other node is skipped after one read, with no marks,
 * confidences or frontier written. The first node of the layer the other side reached was `first`; the meeting
 * nodes are listed in the order first reached, and the best total wins (the first on a tie, as in a full layer).
 */
function finishMeetingLayer(
  index: PathIndex,
  rules: WalkRules,
  s: Scratch,
  side: 0 | 1,
  f: number,
  i: number,
  first: number,
  bannedFirst: readonly number[],
  source: number,
): number {
  const { offsets, split, neighbor, edge, entryConfidence, entryPredicate } = index;
  const { blocked, blockedEdge, allowedPredicate, minConfidence, deadline } = rules;
  const { base, next } = s;
  const mark = s.mark[side];
  const best = s.best[side];
  const via = s.via[side];
  const otherMark = s.mark[1 - side];
  const frontier = s.frontier[side];
  const size = s.size[side];
  const layerMark = base + s.radius[side] + 1;
  const fromOut = !rules.directed || side === 0;
  const fromIn = !rules.directed || side === 1;
  const banning = bannedFirst.length > 0;
  let work = s.work;
  let meetings = 0;
  next[meetings++] = first;
  for (; f < size; f++) {
    const u = frontier[f];
    const end = fromIn ? offsets[u + 1] : split[u];
    const bestU = best[u];
    for (; i < end; i++) {
      if ((++work & CLOCK_CHECK_MASK) === 0 && performance.now() > deadline) return TIMED_OUT;
      const v = neighbor[i];
      if (otherMark[v] < base || blocked[v] === 1) continue;
      const confidence = entryConfidence[i];
      if (confidence < minConfidence) continue;
      if (allowedPredicate !== null && allowedPredicate[entryPredicate[i]] !== 1) continue;
      if (blockedEdge !== null && blockedEdge[edge[i]] === 1) continue;
      if (banning && isBanned(side, source, u, v, bannedFirst)) continue;
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
      next[meetings++] = v;
    }
    if (f + 1 < size) i = fromOut ? offsets[frontier[f + 1]] : split[frontier[f + 1]];
  }
  s.work = work;
  return bestMeeting(s, meetings);
}

/** Yen's spur rule: the first hop (out of `source`) may not step to a banned node. */
function isBanned(side: 0 | 1, source: number, u: number, v: number, bannedFirst: readonly number[]): boolean {
  return side === 0 ? u === source && bannedFirst.includes(v) : v === source && bannedFirst.includes(u);
}

/** Of the `count` meeting nodes listed in `s.next`, the one with the highest total confidence (the first on a tie). */
function bestMeeting(s: Scratch, count: number): number {
  const [forward, backward] = s.best;
  let meet = s.next[0];
  let bestTotal = forward[meet] + backward[meet];
  for (let m = 1; m < count; m++) {
    const v = s.next[m];
    const total = forward[v] + backward[v];
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
    const e = index.edge[s.via[0][v]];
    v = otherEnd(index, e, v);
    nodes.unshift(v);
    edges.unshift(e);
  }
  for (let v = meet; s.via[1][v] !== -1;) {
    const e = index.edge[s.via[1][v]];
    v = otherEnd(index, e, v);
    nodes.push(v);
    edges.push(e);
  }
  let confidence = 0;
  for (const e of edges) confidence += index.edgeConfidence[e];
  return { nodes, edges, confidence };
}

/** The end of edge `e` that is not `v` (the index holds no self-loops). */
function otherEnd(index: PathIndex, e: number, v: number): number {
  return index.edgeSource[e] === v ? index.edgeTarget[e] : index.edgeSource[e];
}
