/**
 * k shortest loopless paths (Yen's algorithm) over the path index, ordered by hops, then total confidence (higher first).
 */
import { bidirectionalSearch } from "./bidirectional.ts";
import type { PathIndex } from "./pathIndex.ts";
import { confidenceOf, type RawPath, type WalkRules } from "./walk.ts";

/** The paths found and whether the time budget cut the search short. */
export interface RawPathSearch {
  paths: RawPath[];
  truncated: boolean;
}

/**
 * Up to `k` distinct simple paths from `source` to `target` with at most `maxHops` hops. Paths are node sequences;
 * each hop uses the best allowed edge between its two nodes, so parallel edges do not multiply the answers. Exact
 * because every spur search is itself optimal under the same order (hops, then confidence).
 */
export function kShortestPaths(
  index: PathIndex,
  rules: WalkRules,
  source: number,
  target: number,
  k: number,
  maxHops: number,
): RawPathSearch {
  const first = bidirectionalSearch(index, rules, source, target, maxHops);
  if (first.type !== "found") return { paths: [], truncated: first.type === "timeout" };
  if (k <= 1) return { paths: [first.path], truncated: false };
  const found: RawPath[] = [first.path];
  const seen = new Set<string>([keyOf(first.path.nodes)]);
  const candidates: RawPath[] = [];
  while (found.length < k) {
    const previous = found[found.length - 1];
    for (let i = 0; i < previous.edges.length; i++) {
      const spur = spurPath(index, rules, found, previous, i, target, maxHops);
      if (spur === "timeout") return { paths: found, truncated: true };
      if (spur && !seen.has(keyOf(spur.nodes))) {
        seen.add(keyOf(spur.nodes));
        candidates.push(spur);
      }
    }
    if (candidates.length === 0) break;
    found.push(candidates.splice(bestCandidate(candidates), 1)[0]);
  }
  return { paths: found, truncated: false };
}

/** Yen's step: keep `previous` up to node i, then the best detour that leaves it by a hop no found path took. */
function spurPath(
  index: PathIndex,
  rules: WalkRules,
  found: RawPath[],
  previous: RawPath,
  i: number,
  target: number,
  maxHops: number,
): RawPath | null | "timeout" {
  const root = previous.nodes.slice(0, i + 1);
  const bannedFirst = found
    .filter((p) => p.nodes.length > i + 1 && sameStart(p.nodes, root))
    .map((p) => p.nodes[i + 1]);
  for (let j = 0; j < i; j++) rules.blocked[root[j]] = 1;
  const outcome = bidirectionalSearch(index, rules, root[i], target, maxHops - i, bannedFirst);
  for (let j = 0; j < i; j++) rules.blocked[root[j]] = 0;
  if (outcome.type === "timeout") return "timeout";
  if (outcome.type === "none") return null;
  const edges = [...previous.edges.slice(0, i), ...outcome.path.edges];
  return { nodes: [...root, ...outcome.path.nodes.slice(1)], edges, confidence: confidenceOf(index, edges) };
}

/** Index of the fewest-hops candidate with the highest confidence (the earliest found on a tie). */
function bestCandidate(candidates: RawPath[]): number {
  let best = 0;
  for (let c = 1; c < candidates.length; c++) {
    if (comparePaths(candidates[c], candidates[best]) < 0) best = c;
  }
  return best;
}

/** Path order: fewer hops first, then higher total confidence. */
export function comparePaths(a: RawPath, b: RawPath): number {
  return a.edges.length - b.edges.length || b.confidence - a.confidence;
}

function sameStart(nodes: number[], root: number[]): boolean {
  for (let j = 0; j < root.length; j++) if (nodes[j] !== root[j]) return false;
  return true;
}

function keyOf(nodes: number[]): string {
  return nodes.join(",");
}
