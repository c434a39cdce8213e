/**
 * Path queries: how is entity A connected to entity B — the k shortest paths or all simple paths, with evidence.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { allSimplePaths } from "./allPaths.ts";
import { describePath, graphAttributes, type AttributeSource } from "./describe.ts";
import { kShortestPaths, type RawPathSearch } from "./kShortest.ts";
import { pathIndexOf, type PathIndex } from "./pathIndex.ts";
import { DEFAULT_PATH_OPTIONS, type PathOptions, type PathResult, type PathSearch, type PlanFacts } from "./types.ts";
import { compileWalkRules, releaseWalkRules } from "./walk.ts";
import { eitherMask, relationMask } from "./relationMask.ts";

/** Share of the time budget the search may use; describing the paths found gets the rest. */
const SEARCH_SHARE = 0.75;
/** How many paths are described between two looks at the clock. */
const DESCRIBE_CHUNK = 32;

/**
 * A path query compiled against one graph: the two endpoints as index positions, the options with the type filter
 * turned into excluded entities, and the edges the query may not walk. Plain data over the index, so a worker thread
 * holding only the (shared) index can run the search.
 */
export interface PathPlan {
  source: number;
  target: number;
  options: PathOptions;
  /** 1 for each edge no hop may use (candidates, relations outside the window); null when every edge may be used. */
  blockedEdge: Uint8Array | null;
}

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
  const index = pathIndexOf(graph);
  const started = performance.now();
  const plan = planPaths(graphPlanFacts(graph, index), index, fromId, toId, options);
  const raw = searchPlan(index, plan, started);
  return describeSearch(graphAttributes(graph, index), index, raw, started + plan.options.timeBudgetMs);
}

/**
 * Compiles a query against the graph (what needs its types, statuses and evidence, read through `facts`); throws when
 * an id is not in the graph.
 */
export function planPaths(
  facts: PlanFacts,
  index: PathIndex,
  fromId: string,
  toId: string,
  options: Partial<PathOptions> = {},
): PathPlan {
  const opts = { ...DEFAULT_PATH_OPTIONS, ...options };
  const source = nodeOf(index.nodeIndex, fromId, "source");
  const target = nodeOf(index.nodeIndex, toId, "target");
  const exclude = opts.types ? [...opts.exclude, ...nodesNotOfTypes(facts, index, opts.types)] : opts.exclude;
  const blockedEdge = eitherMask(
    opts.candidates ? null : candidateEdges(facts, index),
    facts.relationMask(opts.relations),
  );
  return { source, target, options: { ...opts, exclude }, blockedEdge };
}

/** The {@link PlanFacts} of a graphology graph and its index: attributes read from the graph per query. */
export function graphPlanFacts(graph: KnowledgeGraph, index: PathIndex): PlanFacts {
  return {
    nodeTypeAt: (v) => graph.getNodeAttribute(index.nodes[v], "type"),
    edgeStatusAt: (e) => graph.getEdgeAttribute(index.edges[e], "status"),
    relationMask: (filter) => relationMask(graph, index, filter),
  };
}

/** Runs a planned search on the index alone, within the search's share of the budget counted from `started`. */
export function searchPlan(index: PathIndex, plan: PathPlan, started: number): RawPathSearch {
  const { source, target, options: opts } = plan;
  const searchDeadline = started + opts.timeBudgetMs * SEARCH_SHARE;
  const rules = compileWalkRules(index, opts, [source, target], searchDeadline, plan.blockedEdge);
  try {
    return opts.mode === "all"
      ? allSimplePaths(index, rules, source, target, opts.maxHops, opts.limit)
      : kShortestPaths(index, rules, source, target, opts.k, opts.maxHops);
  } finally {
    releaseWalkRules(rules);
  }
}

/**
 * The public form of the paths found, read from `attributes` until `deadline` (a `performance.now()` time): reading
 * hundreds of long paths out of the graph costs real time too, so it gets the rest of the budget.
 */
export function describeSearch(
  attributes: AttributeSource,
  index: PathIndex,
  raw: RawPathSearch,
  deadline: number,
): PathSearch {
  const paths: PathResult[] = [];
  for (const path of raw.paths) {
    if (paths.length % DESCRIBE_CHUNK === 0 && paths.length > 0 && performance.now() > deadline) {
      return { paths, truncated: true };
    }
    paths.push(describePath(attributes, index, path));
  }
  return { paths, truncated: raw.truncated };
}

/** Entities whose type is not in `types` (a path may not pass through them). */
function nodesNotOfTypes(facts: PlanFacts, index: PathIndex, types: string[]): string[] {
  const allowed = new Set<string | undefined>(types);
  const out: string[] = [];
  for (let v = 0; v < index.nodes.length; v++) if (!allowed.has(facts.nodeTypeAt(v))) out.push(index.nodes[v]);
  return out;
}

/**
 * 1 for each indexed edge awaiting review. Read per query, not cached with the index: a review changes an edge's
 * status without changing the graph's size, which is what keeps the index.
 */
function candidateEdges(facts: PlanFacts, index: PathIndex): Uint8Array {
  const blocked = new Uint8Array(index.edges.length);
  for (let e = 0; e < index.edges.length; e++) if (facts.edgeStatusAt(e) === "candidate") blocked[e] = 1;
  return blocked;
}

function nodeOf(nodeIndex: Map<string, number>, id: string, role: "source" | "target"): number {
  const v = nodeIndex.get(id);
  if (v === undefined) {
    throw new Error(`paths: the ${role} "${id}" is not an entity of the graph; resolve names with resolveEntity first`);
  }
  return v;
}
