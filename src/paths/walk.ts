/**
 * Walk rules: which edges and nodes one path query may use, compiled once per query into arrays the searches read.
 */
import type { PathIndex } from "./pathIndex.ts";
import type { PathOptions } from "./types.ts";

/** How often (in edge visits) the searches look at the clock: rarely enough to cost nothing, often enough for ~1 ms. */
export const CLOCK_CHECK_MASK = 0xfff;

/** The compiled rules of one query. */
export interface WalkRules {
  directed: boolean;
  /** 1 for each predicate id a hop may use; null when every predicate is allowed. */
  allowedPredicate: Uint8Array | null;
  /** 1 for each edge no hop may use (relations awaiting review, when they are left out); null when none is. */
  blockedEdge: Uint8Array | null;
  minConfidence: number;
  /**
   * 1 for each node no path may enter (excluded entities; Yen's root path while it searches a spur). One buffer per
   * index, shared by every query: {@link releaseWalkRules} clears what a query set.
   */
  blocked: Uint8Array;
  /** The nodes this query blocked, to clear on release. */
  excluded: number[];
  /** `performance.now()` after which a search gives up. */
  deadline: number;
}

/** A path as indices into the {@link PathIndex}: `nodes[i]` —`edges[i]`→ `nodes[i + 1]`. */
export interface RawPath {
  nodes: number[];
  edges: number[];
  /** Sum of the edge confidences, added from the first hop on. */
  confidence: number;
}

/**
 * Compiles `options` against the index; unknown predicates and ids simply match nothing. `deadline` is a
 * `performance.now()` time: the caller already read the clock when the query started.
 */
export function compileWalkRules(
  index: PathIndex,
  options: Pick<PathOptions, "directed" | "predicates" | "exclude" | "minConfidence">,
  endpoints: number[],
  deadline: number,
  blockedEdge: Uint8Array | null = null,
): WalkRules {
  let allowedPredicate: Uint8Array | null = null;
  if (options.predicates) {
    allowedPredicate = new Uint8Array(index.predicates.length);
    for (const name of options.predicates) {
      const p = index.predicateIndex.get(name);
      if (p !== undefined) allowedPredicate[p] = 1;
    }
  }
  const blocked = blockedBufferOf(index);
  const excluded: number[] = [];
  for (const id of options.exclude) {
    const v = index.nodeIndex.get(id);
    if (v !== undefined && !endpoints.includes(v) && blocked[v] === 0) {
      blocked[v] = 1;
      excluded.push(v);
    }
  }
  return {
    directed: options.directed,
    allowedPredicate,
    blockedEdge,
    minConfidence: options.minConfidence,
    blocked,
    excluded,
    deadline,
  };
}

/** Clears what {@link compileWalkRules} set in the shared buffer; call it once the query is done (in a finally). */
export function releaseWalkRules(rules: WalkRules): void {
  for (const v of rules.excluded) rules.blocked[v] = 0;
  rules.excluded.length = 0;
}

// A fresh 100k-node buffer per query would cost more than a typical search; queries run synchronously, one at a time.
const BLOCKED = new WeakMap<PathIndex, Uint8Array>();

function blockedBufferOf(index: PathIndex): Uint8Array {
  let buffer = BLOCKED.get(index);
  if (!buffer) BLOCKED.set(index, (buffer = new Uint8Array(index.nodes.length)));
  return buffer;
}

/** True when a hop may use edge `e`. */
export function edgeAllowed(index: PathIndex, rules: WalkRules, e: number): boolean {
  return (
    index.edgeConfidence[e] >= rules.minConfidence &&
    (rules.blockedEdge === null || rules.blockedEdge[e] === 0) &&
    (rules.allowedPredicate === null || rules.allowedPredicate[index.edgePredicate[e]] === 1)
  );
}

/** Sum of the confidences of `edges`, first hop first (the order every caller uses, so equal paths compare equal). */
export function confidenceOf(index: PathIndex, edges: number[]): number {
  let total = 0;
  for (const e of edges) total += index.edgeConfidence[e];
  return total;
}
