/**
 * Overview of a large graph: above the size the page draws in full, GET /api/graph?view=draw answers with groups of
 * entities (communities) joined by aggregate edges; GET /api/graph/groups/{id} and /api/graph/subgraph bring the
 * entities of one group, or a few entities and their neighbours, in the same columnar form when the reader asks.
 */
import type { z } from "zod";
import { filterGraph } from "../graph/relationFilter.ts";
import { relationFilterOf } from "../graph/relationFilterQuery.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { drawColumns, type DrawColumns, type DrawnEdge } from "./drawColumns.ts";
import { HttpError, parseOr400 } from "./errors.ts";
import { drawGraphView, type DrawGraph } from "./graphViews.ts";
import { overviewIndexOf, type OverviewGroup, type OverviewIndex } from "./overviewIndex.ts";
import { GroupParamsSchema, GroupQuerySchema, SubgraphQuerySchema, type OverviewSummarySchema } from "./schemas.ts";

/** The `overview` section of an overview payload. */
export type OverviewSummary = z.infer<typeof OverviewSummarySchema>;

/** Tunables of the overview. */
export interface OverviewOptions {
  /**
   * Graphs with at most this many entities and relations are drawn in full; a larger one opens on the overview.
   * Measured (README, "Performance"): the largest graph whose page shows its first frame within 3 s in headless
   * Chromium with software GL.
   */
  fullDrawNodes: number;
  fullDrawEdges: number;
  /** Most groups drawn; the smallest communities past the limit share one group. */
  maxGroups: number;
  /** Most aggregate edges in one answer, the heaviest kept. */
  maxGroupEdges: number;
  /** Most relations in a group's or a subgraph's answer. */
  maxPartEdges: number;
}

export const DEFAULT_OVERVIEW_OPTIONS: OverviewOptions = {
  fullDrawNodes: 10_000,
  fullDrawEdges: 50_000,
  maxGroups: 200,
  maxGroupEdges: 1500,
  maxPartEdges: 20_000,
};

/** Colour of group nodes: a neutral grey, apart from every entity type's colour. */
const GROUP_COLOR = "#8d8f99";
/** Predicate of aggregate edges; they are drawn, never walked or filtered. */
export const AGGREGATE_PREDICATE = "aggregate";
const aggregate = (weight: number): DrawnEdge => ({
  predicate: AGGREGATE_PREDICATE,
  label: weight === 1 ? "1 relation" : `${weight} relations`,
});

/** Whether the page draws `graph` in full rather than its overview. */
export function drawsInFull(graph: KnowledgeGraph, options: Partial<OverviewOptions> = {}): boolean {
  const { fullDrawNodes, fullDrawEdges } = { ...DEFAULT_OVERVIEW_OPTIONS, ...options };
  return graph.order <= fullDrawNodes && graph.size <= fullDrawEdges;
}

/** The drawing payload: the whole graph when it is small enough, else its overview. */
export function drawOrOverview(graph: KnowledgeGraph, options: Partial<OverviewOptions> = {}): DrawGraph {
  return drawsInFull(graph, options) ? drawGraphView(graph) : overviewView(graph, options);
}

/** Adds group `g`'s node to `columns`. */
function addGroup(columns: DrawColumns, index: OverviewIndex, g: OverviewGroup, graph: KnowledgeGraph): void {
  const best = graph.getNodeAttribute(g.members[0], "label");
  const label = g.members.length === 1 ? best : `${best} and ${g.members.length - 1} more`;
  const node = { label, type: "group", color: GROUP_COLOR, x: g.x, y: g.y, size: g.size };
  columns.node(index.prefix + g.id, node, { id: g.id, members: g.members.length });
}

/** Keeps the `max` heaviest of `counts` (ties by first seen), heaviest first. */
function heaviest<K>(counts: Map<K, number>, max: number): [K, number][] {
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, max);
}

/**
 * The overview: one node per group (sized by member count, labelled by its best-connected entity) and one edge per
 * pair of groups joined by relations, weighted by how many (both directions counted together; the heaviest
 * `maxGroupEdges` drawn). Sizes of the groups add up to the graph's order.
 */
export function overviewView(graph: KnowledgeGraph, options: Partial<OverviewOptions> = {}): DrawGraph {
  const opts = { ...DEFAULT_OVERVIEW_OPTIONS, ...options };
  const index = overviewIndexOf(graph, opts.maxGroups);
  const { groups, pairs } = index;
  const columns = drawColumns();
  for (const g of groups) addGroup(columns, index, g, graph);
  for (const [low, high, weight] of pairs.slice(0, opts.maxGroupEdges)) {
    const [a, b] = [groups[low].id, groups[high].id];
    columns.edge(`${index.prefix}${a}~${b}`, aggregate(weight), index.prefix + a, index.prefix + b, weight);
  }
  const overview: OverviewSummary = {
    entities: graph.order,
    relations: graph.size,
    groups: groups.length,
    groupEdges: pairs.length,
    fullDrawNodes: opts.fullDrawNodes,
    fullDrawEdges: opts.fullDrawEdges,
  };
  return { ...columns.result(), overview };
}

/** Adds entity `node` to `columns`. */
function addEntity(columns: DrawColumns, graph: KnowledgeGraph, node: string): void {
  columns.node(node, graph.getNodeAttributes(node));
}

/**
 * Group `id`'s best-connected `limit` members and the relations among them and with the shown members of the
 * `expanded` groups; relations to any other group become one aggregate edge per member and group. Throws a 404 for an
 * unknown group.
 */
export function groupView(
  graph: KnowledgeGraph,
  id: string,
  query: { limit: number; expanded: string[] },
  options: Partial<OverviewOptions> = {},
): DrawGraph {
  const opts = { ...DEFAULT_OVERVIEW_OPTIONS, ...options };
  const index = overviewIndexOf(graph, opts.maxGroups);
  const group = index.byId.get(id);
  if (!group) {
    throw new HttpError(404, "not_found", `no overview group "${id}"; the overview's group column lists the groups`);
  }
  const shown = new Set(group.members.slice(0, query.limit));
  const open = new Set(query.expanded.map((e) => index.byId.get(e)).filter((g) => g !== undefined));
  open.add(group);
  const drawnElsewhere = new Set([...open].filter((g) => g !== group).flatMap((g) => g.members.slice(0, query.limit)));
  const columns = drawColumns();
  for (const node of shown) addEntity(columns, graph, node);
  const relations: [string, string, string][] = [];
  const toGroups = new Map<string, Map<number, number>>();
  /** A relation from `member` to `other`: drawn when `other` is, aggregated when its group is closed. */
  const meet = (edge: string, member: string, other: string, source: string, target: string) => {
    if (drawnElsewhere.has(other) || (shown.has(other) && source === member)) {
      if (relations.length < opts.maxPartEdges) relations.push([edge, source, target]);
      return;
    }
    const g = index.groupOf.get(other)!;
    if (open.has(index.groups[g])) return;
    let counts = toGroups.get(member);
    if (!counts) toGroups.set(member, (counts = new Map()));
    counts.set(g, (counts.get(g) ?? 0) + 1);
  };
  for (const member of shown) {
    graph.forEachOutEdge(member, (edge, _a, source, target) => meet(edge, member, target, source, target));
    // A relation between two shown members is met once, from its source.
    graph.forEachInEdge(member, (edge, _a, source, target) => {
      if (!shown.has(source)) meet(edge, member, source, source, target);
    });
  }
  for (const [edge, source, target] of relations) {
    for (const end of [source, target]) addEntity(columns, graph, end);
    columns.edge(edge, graph.getEdgeAttributes(edge), source, target);
  }
  const flat = new Map<string, number>();
  for (const [member, counts] of toGroups) for (const [g, w] of counts) flat.set(`${member}\n${g}`, w);
  for (const [pair, weight] of heaviest(flat, opts.maxGroupEdges)) {
    const cut = pair.lastIndexOf("\n");
    const [member, other] = [pair.slice(0, cut), index.groups[Number(pair.slice(cut + 1))]];
    addGroup(columns, index, other, graph);
    columns.edge(`${index.prefix}${member}>${other.id}`, aggregate(weight), member, index.prefix + other.id, weight);
  }
  return columns.result();
}

/**
 * Entities `nodes`, up to `neighbors` neighbours of each (highest degree first) and the relations among them (at most
 * `maxPartEdges`): what the page draws to show a search hit or a path outside the overview. Throws a 404 naming an
 * unknown key.
 */
export function subgraphView(
  graph: KnowledgeGraph,
  nodes: string[],
  neighbors: number,
  options: Partial<OverviewOptions> = {},
): DrawGraph {
  const { maxPartEdges } = { ...DEFAULT_OVERVIEW_OPTIONS, ...options };
  const unknown = nodes.find((node) => !graph.hasNode(node));
  if (unknown !== undefined) {
    throw new HttpError(404, "not_found", `no entity has the key "${unknown}"; GET /api/search finds an entity's key`);
  }
  const wanted = new Set(nodes);
  for (const node of nodes) {
    const around = graph.neighbors(node).sort((a, b) => graph.degree(b) - graph.degree(a));
    for (const other of around.slice(0, neighbors)) wanted.add(other);
  }
  const columns = drawColumns();
  for (const node of wanted) addEntity(columns, graph, node);
  let drawn = 0;
  for (const node of wanted) {
    graph.forEachOutEdge(node, (edge, a, source, target) => {
      if (drawn < maxPartEdges && wanted.has(target)) {
        columns.edge(edge, a, source, target);
        drawn++;
      }
    });
  }
  return columns.result();
}

/** Answers GET /api/graph/groups/{id}; throws an HttpError (400, 404) on a bad request. */
export function answerGroup(
  graph: KnowledgeGraph,
  rawParams: unknown,
  rawQuery: unknown,
  options: Partial<OverviewOptions> = {},
): DrawGraph {
  const { id } = parseOr400(GroupParamsSchema, rawParams, "params");
  const query = parseOr400(GroupQuerySchema, rawQuery, "query");
  const filtered = filterGraph(graph, relationFilterOf(query), "kept");
  return groupView(filtered, id, { limit: query.limit, expanded: query.expanded ?? [] }, options);
}

/** Answers GET /api/graph/subgraph; throws an HttpError (400, 404) on a bad request. */
export function answerSubgraph(graph: KnowledgeGraph, rawQuery: unknown, options: Partial<OverviewOptions> = {}) {
  const query = parseOr400(SubgraphQuerySchema, rawQuery, "query");
  const filtered = filterGraph(graph, relationFilterOf(query), "kept");
  return subgraphView(filtered, query.nodes, query.neighbors, options);
}
