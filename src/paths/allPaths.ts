/**
 * All simple paths up to a length, shortest first, stopped by a count limit or a time budget.
 *
 * Hand-written rather than graphology-simple-path: that one cannot be bounded by time, walks the graph object, and
 * yields parallel edges as separate paths.
 */
import type { PathIndex } from "./pathIndex.ts";
import { CLOCK_CHECK_MASK, confidenceOf, edgeAllowed, type RawPath, type WalkRules } from "./walk.ts";
import type { RawPathSearch } from "./kShortest.ts";

const UNREACHED = 0x7fffffff;

/**
 * Every simple path (as a node sequence, each hop on its best allowed edge) from `source` to `target` with at most
 * `maxHops` hops, by length then confidence; at most `limit`, `truncated` when more exist or the budget ran out.
 * Lengths are enumerated one at a time so a cut-short answer still holds the shortest paths (within the last
 * length reached, the first found rather than the most confident).
 */
export function allSimplePaths(
  index: PathIndex,
  rules: WalkRules,
  source: number,
  target: number,
  maxHops: number,
  limit: number,
): RawPathSearch {
  if (source === target) return { paths: [{ nodes: [source], edges: [], confidence: 0 }], truncated: false };
  const buffers = buffersOf(index);
  // Steps after the first need at most maxHops - 1 more hops, so the BFS skips its last (and largest) layer; a
  // source it did not reach is at least maxHops away.
  if (!hopsToTarget(index, rules, buffers, target, maxHops - 1)) return { paths: [], truncated: true };
  const paths: RawPath[] = [];
  const walker = new Walker(index, rules, buffers, target);
  for (let length = Math.min(buffers.toTarget[source], maxHops); length <= maxHops; length++) {
    const found = walker.run(source, length, limit + 1 - paths.length);
    found.sort((a, b) => b.confidence - a.confidence);
    paths.push(...found);
    if (walker.timedOut || paths.length > limit) return { paths: paths.slice(0, limit), truncated: true };
  }
  return { paths, truncated: false };
}

/**
 * Per-index buffers reused by every query (queries run synchronously, one at a time): nothing is allocated per
 * step, so a long enumeration does not feed the garbage collector while it holds the event loop.
 */
interface Buffers {
  toTarget: Int32Array;
  onPath: Uint8Array;
  /** Per expansion: `seen[v] === token` when v was already met, `bestEdge[v]` then its slot in the step buffers. */
  seen: Uint32Array;
  bestEdge: Int32Array;
  token: number;
  /** Per depth: the neighbours worth stepping to and their edges (as long as the longest slice). */
  stepNodes: Int32Array[];
  stepEdges: Int32Array[];
  longestSlice: number;
}

const BUFFERS = new WeakMap<PathIndex, Buffers>();

function buffersOf(index: PathIndex): Buffers {
  let b = BUFFERS.get(index);
  if (!b) {
    const n = index.nodes.length;
    let longestSlice = 0;
    for (let v = 0; v < n; v++) longestSlice = Math.max(longestSlice, index.offsets[v + 1] - index.offsets[v]);
    b = {
      toTarget: new Int32Array(n),
      onPath: new Uint8Array(n),
      seen: new Uint32Array(n),
      bestEdge: new Int32Array(n),
      token: 0,
      stepNodes: [],
      stepEdges: [],
      longestSlice,
    };
    BUFFERS.set(index, b);
  }
  return b;
}

/** Depth-first enumeration of the paths of one exact length, pruned by the hops left to the target. */
class Walker {
  timedOut = false;
  #work = 0;
  #budget = 0;
  readonly #nodes: number[] = [];
  readonly #edges: number[] = [];
  #found: RawPath[] = [];

  constructor(
    readonly index: PathIndex,
    readonly rules: WalkRules,
    readonly b: Buffers,
    readonly target: number,
  ) {}

  /** Up to `budget` paths of exactly `length` hops. */
  run(source: number, length: number, budget: number): RawPath[] {
    this.#found = [];
    this.#budget = budget;
    this.#visit(source, length, 0);
    return this.#found;
  }

  /** Extends the current path from `u` (at `depth`), which must reach the target in exactly `left` more hops. */
  #visit(u: number, left: number, depth: number): void {
    this.#nodes.push(u);
    this.b.onPath[u] = 1;
    if (u === this.target) {
      if (left === 0) this.#emit();
    } else {
      const count = this.#steps(u, left, depth);
      const nodes = this.b.stepNodes[depth];
      const edges = this.b.stepEdges[depth];
      for (let s = 0; s < count && !this.timedOut && this.#found.length < this.#budget; s++) {
        this.#edges.push(edges[s]);
        this.#visit(nodes[s], left - 1, depth + 1);
        this.#edges.pop();
      }
    }
    this.b.onPath[u] = 0;
    this.#nodes.pop();
  }

  /** Fills this depth's step buffers with the neighbours of `u` worth stepping to, each on its best allowed edge. */
  #steps(u: number, left: number, depth: number): number {
    const { index, rules, b } = this;
    if (!b.stepNodes[depth]) {
      b.stepNodes[depth] = new Int32Array(b.longestSlice);
      b.stepEdges[depth] = new Int32Array(b.longestSlice);
    }
    const nodes = b.stepNodes[depth];
    const edges = b.stepEdges[depth];
    if (++b.token === 0xffffffff) {
      b.seen.fill(0);
      b.token = 1;
    }
    const token = b.token;
    let count = 0;
    const end = rules.directed ? index.split[u] : index.offsets[u + 1];
    for (let i = index.offsets[u]; i < end; i++) {
      if ((++this.#work & CLOCK_CHECK_MASK) === 0 && performance.now() > rules.deadline) {
        this.timedOut = true;
        return 0;
      }
      const v = index.neighbor[i];
      const e = index.edge[i];
      if (b.onPath[v] === 1 || rules.blocked[v] === 1 || b.toTarget[v] > left - 1) continue;
      if (v === this.target && left !== 1) continue;
      if (!edgeAllowed(index, rules, e)) continue;
      if (b.seen[v] !== token) {
        b.seen[v] = token;
        b.bestEdge[v] = count;
        nodes[count] = v;
        edges[count++] = e;
      } else if (index.edgeConfidence[e] > index.edgeConfidence[edges[b.bestEdge[v]]]) {
        edges[b.bestEdge[v]] = e;
      }
    }
    return count;
  }

  #emit(): void {
    const edges = [...this.#edges];
    this.#found.push({ nodes: [...this.#nodes], edges, confidence: confidenceOf(this.index, edges) });
  }
}

/**
 * Fills `toTarget` with the hops from every node to the target (BFS against the walking direction), UNREACHED
 * beyond `maxHops`; false when the budget ran out.
 */
function hopsToTarget(index: PathIndex, rules: WalkRules, b: Buffers, target: number, maxHops: number): boolean {
  const dist = b.toTarget;
  dist.fill(UNREACHED);
  dist[target] = 0;
  let frontier = [target];
  let work = 0;
  for (let d = 1; d <= maxHops && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const u of frontier) {
      const start = rules.directed ? index.split[u] : index.offsets[u];
      for (let i = start; i < index.offsets[u + 1]; i++) {
        if ((++work & CLOCK_CHECK_MASK) === 0 && performance.now() > rules.deadline) return false;
        const v = index.neighbor[i];
        if (dist[v] !== UNREACHED || rules.blocked[v] === 1 || !edgeAllowed(index, rules, index.edge[i])) continue;
        dist[v] = d;
        next.push(v);
      }
    }
    frontier = next;
  }
  return true;
}
