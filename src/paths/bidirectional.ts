/**
 * Bidirectional BFS over the path index: the fewest-hops path, and among those the one with the highest total
 * confidence, under a query's walk rules.
 */
import type { PathIndex } from "./pathIndex.ts";
import { CLOCK_CHECK_MASK, edgeAllowed, type RawPath, type WalkRules } from "./walk.ts";

/** Outcome of one search: a path, none within `maxHops`, or the time budget ran out. */
export type SearchOutcome = { type: "found"; path: RawPath } | { type: "none" } | { type: "timeout" };

// Ties in total confidence keep the first path found, so results do not depend on rounding noise.
const EPSILON = 1e-12;

/** Reusable per-index buffers; "visited" is `stamp[v] === epoch`, so nothing is cleared between searches. */
interface Scratch {
  epoch: number;
  stamp: [Uint32Array, Uint32Array];
  dist: [Int32Array, Int32Array];
  best: [Float64Array, Float64Array];
  parent: [Int32Array, Int32Array];
  parentEdge: [Int32Array, Int32Array];
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
      stamp: pair(() => new Uint32Array(n)),
      dist: pair(() => new Int32Array(n)),
      best: pair(() => new Float64Array(n)),
      parent: pair(() => new Int32Array(n)),
      parentEdge: pair(() => new Int32Array(n)),
      frontier: pair(() => new Int32Array(n)),
      next: new Int32Array(n),
    };
    SCRATCH.set(index, s);
  }
  if (++s.epoch === 0xffffffff) {
    s.stamp[0].fill(0);
    s.stamp[1].fill(0);
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
  const { epoch } = s;
  const sizes = [1, 1];
  const radius = [0, 0];
  const ends = [source, target];
  for (const side of [0, 1]) {
    s.stamp[side][ends[side]] = epoch;
    s.dist[side][ends[side]] = 0;
    s.best[side][ends[side]] = 0;
    s.parent[side][ends[side]] = -1;
    s.frontier[side][0] = ends[side];
  }
  let work = 0;
  while (radius[0] + radius[1] < maxHops) {
    const side = sizes[0] <= sizes[1] ? 0 : 1;
    if (sizes[side] === 0) return { type: "none" };
    const stamp = s.stamp[side];
    const dist = s.dist[side];
    const best = s.best[side];
    const layer = radius[side] + 1;
    const frontier = s.frontier[side];
    const next = s.next;
    let count = 0;
    // Side 0 walks edges along their direction, side 1 against it (when directed).
    const fromOut = !rules.directed || side === 0;
    const fromIn = !rules.directed || side === 1;
    for (let f = 0; f < sizes[side]; f++) {
      const u = frontier[f];
      const start = fromOut ? index.offsets[u] : index.split[u];
      const end = fromIn ? index.offsets[u + 1] : index.split[u];
      for (let i = start; i < end; i++) {
        if ((++work & CLOCK_CHECK_MASK) === 0 && performance.now() > rules.deadline) return { type: "timeout" };
        const v = index.neighbor[i];
        if (rules.blocked[v] === 1) continue;
        const e = index.edge[i];
        if (!edgeAllowed(index, rules, e)) continue;
        if (
          bannedFirst.length > 0 &&
          (side === 0 ? u === source && bannedFirst.includes(v) : v === source && bannedFirst.includes(u))
        )
          continue;
        const value = best[u] + index.edgeConfidence[e];
        if (stamp[v] === epoch) {
          if (dist[v] === layer && value > best[v] + EPSILON) {
            best[v] = value;
            s.parent[side][v] = u;
            s.parentEdge[side][v] = e;
          }
          continue;
        }
        stamp[v] = epoch;
        dist[v] = layer;
        best[v] = value;
        s.parent[side][v] = u;
        s.parentEdge[side][v] = e;
        next[count++] = v;
      }
    }
    frontier.set(next.subarray(0, count));
    sizes[side] = count;
    radius[side] = layer;
    const meet = bestMeeting(s, side, count);
    if (meet >= 0) return { type: "found", path: joinHalves(index, s, meet) };
  }
  return { type: "none" };
}

/** The node of the new layer reached from both sides with the highest total confidence, or -1. */
function bestMeeting(s: Scratch, side: number, count: number): number {
  const other = 1 - side;
  let meet = -1;
  let bestTotal = -Infinity;
  for (let f = 0; f < count; f++) {
    const v = s.frontier[side][f];
    if (s.stamp[other][v] !== s.epoch) continue;
    const total = s.best[0][v] + s.best[1][v];
    if (total > bestTotal + EPSILON) {
      bestTotal = total;
      meet = v;
    }
  }
  return meet;
}

/** Source → meet from the forward parents, then meet → target from the backward ones. */
function joinHalves(index: PathIndex, s: Scratch, meet: number): RawPath {
  const nodes: number[] = [meet];
  const edges: number[] = [];
  for (let v = meet; s.parent[0][v] !== -1; v = s.parent[0][v]) {
    nodes.unshift(s.parent[0][v]);
    edges.unshift(s.parentEdge[0][v]);
  }
  for (let v = meet; s.parent[1][v] !== -1; v = s.parent[1][v]) {
    nodes.push(s.parent[1][v]);
    edges.push(s.parentEdge[1][v]);
  }
  let confidence = 0;
  for (const e of edges) confidence += index.edgeConfidence[e];
  return { nodes, edges, confidence };
}
