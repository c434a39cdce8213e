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
 * Lengths are enumerated one at a time so a cut-short answer still holds the shortest paths.
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
  const toTarget = hopsToTarget(index, rules, target, maxHops);
  if (toTarget === null) return { paths: [], truncated: true };
  const paths: RawPath[] = [];
  const walker = new Walker(index, rules, target, toTarget, limit + 1 - paths.length);
  for (let length = toTarget[source]; length <= maxHops && length !== UNREACHED; length++) {
    walker.budget = limit + 1 - paths.length;
    const found = walker.run(source, length);
    found.sort((a, b) => b.confidence - a.confidence);
    paths.push(...found);
    if (walker.timedOut) return { paths: paths.slice(0, limit), truncated: true };
    if (paths.length > limit) return { paths: paths.slice(0, limit), truncated: true };
  }
  return { paths, truncated: false };
}

/** Depth-first enumeration of the paths of one exact length, pruned by the hops left to the target. */
class Walker {
  budget: number;
  timedOut = false;
  #work = 0;
  readonly #onPath: Uint8Array;
  readonly #nodes: number[] = [];
  readonly #edges: number[] = [];
  #found: RawPath[] = [];
  // Per expansion: the best edge to each neighbour, so parallel edges give one hop.
  readonly #seen: Uint32Array;
  readonly #bestEdge: Int32Array;
  #token = 0;

  constructor(
    readonly index: PathIndex,
    readonly rules: WalkRules,
    readonly target: number,
    readonly toTarget: Int32Array,
    budget: number,
  ) {
    this.budget = budget;
    this.#onPath = new Uint8Array(index.nodes.length);
    this.#seen = new Uint32Array(index.nodes.length);
    this.#bestEdge = new Int32Array(index.nodes.length);
  }

  run(source: number, length: number): RawPath[] {
    this.#found = [];
    this.#nodes.length = 0;
    this.#edges.length = 0;
    this.#visit(source, length);
    return this.#found;
  }

  /** Extends the current path from `u`, which is `left` hops from the target along the path being built. */
  #visit(u: number, left: number): void {
    this.#nodes.push(u);
    this.#onPath[u] = 1;
    if (u === this.target) {
      if (left === 0) this.#emit();
    } else {
      for (const [v, e] of this.#steps(u, left)) {
        if (this.timedOut || this.#found.length >= this.budget) break;
        this.#edges.push(e);
        this.#visit(v, left - 1);
        this.#edges.pop();
      }
    }
    this.#onPath[u] = 0;
    this.#nodes.pop();
  }

  /** The neighbours of `u` worth stepping to, each with its best allowed edge. */
  #steps(u: number, left: number): [number, number][] {
    const { index, rules, toTarget } = this;
    const token = ++this.#token;
    const order: number[] = [];
    const start = index.offsets[u];
    const end = rules.directed ? index.split[u] : index.offsets[u + 1];
    for (let i = start; i < end; i++) {
      if ((++this.#work & CLOCK_CHECK_MASK) === 0 && performance.now() > rules.deadline) {
        this.timedOut = true;
        return [];
      }
      const v = index.neighbor[i];
      const e = index.edge[i];
      if (this.#onPath[v] === 1 || rules.blocked[v] === 1 || toTarget[v] > left - 1) continue;
      if (v === this.target && left !== 1) continue;
      if (!edgeAllowed(index, rules, e)) continue;
      if (this.#seen[v] !== token) {
        this.#seen[v] = token;
        this.#bestEdge[v] = e;
        order.push(v);
      } else if (index.edgeConfidence[e] > index.edgeConfidence[this.#bestEdge[v]]) {
        this.#bestEdge[v] = e;
      }
    }
    return order.map((v) => [v, this.#bestEdge[v]]);
  }

  #emit(): void {
    const edges = [...this.#edges];
    this.#found.push({ nodes: [...this.#nodes], edges, confidence: confidenceOf(this.index, edges) });
  }
}

/**
 * Hops from every node to the target (BFS against the walking direction), UNREACHED beyond `maxHops`;
 * null when the budget ran out.
 */
function hopsToTarget(index: PathIndex, rules: WalkRules, target: number, maxHops: number): Int32Array | null {
  const dist = new Int32Array(index.nodes.length).fill(UNREACHED);
  dist[target] = 0;
  let frontier = [target];
  let work = 0;
  for (let d = 1; d <= maxHops && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const u of frontier) {
      const start = rules.directed ? index.split[u] : index.offsets[u];
      for (let i = start; i < index.offsets[u + 1]; i++) {
        if ((++work & CLOCK_CHECK_MASK) === 0 && performance.now() > rules.deadline) return null;
        const v = index.neighbor[i];
        if (dist[v] !== UNREACHED || rules.blocked[v] === 1 || !edgeAllowed(index, rules, index.edge[i])) continue;
        dist[v] = d;
        next.push(v);
      }
    }
    frontier = next;
  }
  return dist;
}
