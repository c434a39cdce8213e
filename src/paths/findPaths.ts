/**
 * Path queries: how is entity A connected to entity B — the k shortest paths or all simple paths, with evidence.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { allSimplePaths } from "./allPaths.ts";
import { describePath } from "./describe.ts";
import { kShortestPaths } from "./kShortest.ts";
import { pathIndexOf } from "./pathIndex.ts";
import { DEFAULT_PATH_OPTIONS, type PathOptions, type PathSearch } from "./types.ts";
import { compileWalkRules, releaseWalkRules } from "./walk.ts";

/**
 * Paths from `fromId` to `toId` (entity ids: resolve names with `resolveEntity` first). A zero-hop path when they
 * are the same entity; `paths: []` when none is within `maxHops`. Throws when an id is not in the graph.
 */
export function findPaths(
  graph: KnowledgeGraph,
  fromId: string,
  toId: string,
  options: Partial<PathOptions> = {},
): PathSearch {
  const opts = { ...DEFAULT_PATH_OPTIONS, ...options };
  const index = pathIndexOf(graph);
  const source = nodeOf(index.nodeIndex, fromId, "source");
  const target = nodeOf(index.nodeIndex, toId, "target");
  const rules = compileWalkRules(index, opts, [source, target]);
  try {
    const raw =
      opts.mode === "all"
        ? allSimplePaths(index, rules, source, target, opts.maxHops, opts.limit)
        : kShortestPaths(index, rules, source, target, opts.k, opts.maxHops);
    return { paths: raw.paths.map((p) => describePath(graph, index, p)), truncated: raw.truncated };
  } finally {
    releaseWalkRules(rules);
  }
}

function nodeOf(nodeIndex: Map<string, number>, id: string, role: "source" | "target"): number {
  const v = nodeIndex.get(id);
  if (v === undefined) {
    throw new Error(`paths: the ${role} "${id}" is not an entity of the graph; resolve names with resolveEntity first`);
  }
  return v;
}
