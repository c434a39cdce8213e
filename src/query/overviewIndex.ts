/**
 * Overview index: the graph's entities grouped by community (the `community` attribute the builder writes with
 * Louvain), each group's members best connected first, its place on the canvas and the relations between groups,
 * built once per graph (about 1 s at 100k entities and 500k relations, so the server builds it when it starts).
 */
import Graph from "graphology";
import noverlap from "graphology-layout-noverlap";
import type { KnowledgeGraph } from "../model/types.ts";

/** One group of the overview: a community, or the smallest communities merged into one. */
export interface OverviewGroup {
  /** The community number as text, or {@link OTHER_GROUP}. */
  id: string;
  /** Its entities, highest degree first (ties by key), so "the first N" is the same set on every request. */
  members: string[];
  /** Where it is drawn: its members' centroid, then moved so that no two groups overlap. */
  x: number;
  y: number;
  /** Drawn size, by member count. */
  size: number;
}

/** The groups of one graph and how to find an entity's. */
export interface OverviewIndex {
  groups: OverviewGroup[];
  byId: Map<string, OverviewGroup>;
  /** Entity key → index into `groups`. */
  groupOf: Map<string, number>;
  /**
   * Pairs of groups joined by relations, heaviest first: `[low, high, relations]` with group indices, both directions
   * counted together.
   */
  pairs: [number, number, number][];
  /** Starts the key of every group node and aggregate edge; no entity or relation key starts with it. */
  prefix: string;
}

/** Id of the group holding the entities of every community past the largest `maxGroups - 1`. */
export const OTHER_GROUP = "other";

/** Drawn size of the smallest and of the largest group (sigma's pixels at zoom 1). */
const SIZE_RANGE = { min: 5, max: 26 };

// Graphs are swapped when they change, never edited in place (see graph/servedGraph.ts): a graph's index never goes stale.
const CACHE = new WeakMap<KnowledgeGraph, Map<number, OverviewIndex>>();

/** The overview index of `graph` with at most `maxGroups` groups, built on first use and kept with the graph. */
export function overviewIndexOf(graph: KnowledgeGraph, maxGroups: number): OverviewIndex {
  let byLimit = CACHE.get(graph);
  if (!byLimit) CACHE.set(graph, (byLimit = new Map()));
  let index = byLimit.get(maxGroups);
  if (!index) byLimit.set(maxGroups, (index = buildIndex(graph, maxGroups)));
  return index;
}

function buildIndex(graph: KnowledgeGraph, maxGroups: number): OverviewIndex {
  const communities = new Map<string, string[]>();
  graph.forEachNode((node, a) => {
    const id = String(a.community);
    const list = communities.get(id);
    if (list) list.push(node);
    else communities.set(id, [node]);
  });
  // Largest communities first; past the limit, the rest share one group rather than being dropped.
  const sorted = [...communities].sort((a, b) => b[1].length - a[1].length);
  const kept = sorted.slice(0, sorted.length > maxGroups ? maxGroups - 1 : maxGroups);
  const rest = sorted.slice(kept.length).flatMap(([, members]) => members);
  if (rest.length > 0) kept.push([OTHER_GROUP, rest]);
  const degree = new Map<string, number>();
  graph.forEachNode((node) => degree.set(node, graph.degree(node)));
  const byDegree = (a: string, b: string) => degree.get(b)! - degree.get(a)! || (a < b ? -1 : a > b ? 1 : 0);
  const largest = Math.max(1, ...kept.map(([, members]) => members.length));
  const groups = kept.map(([id, members]): OverviewGroup => {
    let x = 0;
    let y = 0;
    for (const node of members) {
      x += graph.getNodeAttribute(node, "x");
      y += graph.getNodeAttribute(node, "y");
    }
    const size = SIZE_RANGE.min + (SIZE_RANGE.max - SIZE_RANGE.min) * Math.sqrt(members.length / largest);
    return { id, members: members.sort(byDegree), x: x / members.length, y: y / members.length, size };
  });
  spreadApart(graph, groups);
  const groupOf = new Map<string, number>();
  groups.forEach((group, i) => group.members.forEach((node) => groupOf.set(node, i)));
  const pairs = groupPairs(graph, groupOf, groups.length);
  return { groups, byId: new Map(groups.map((g) => [g.id, g])), groupOf, pairs, prefix: unusedPrefix(graph) };
}

/** The pairs of {@link OverviewIndex}; numbered low * n + high while counting, far cheaper than a string key. */
function groupPairs(graph: KnowledgeGraph, groupOf: Map<string, number>, n: number): [number, number, number][] {
  const counts = new Map<number, number>();
  graph.forEachEdge((_edge, _a, source, target) => {
    const s = groupOf.get(source)!;
    const t = groupOf.get(target)!;
    if (s === t) return;
    const pair = s < t ? s * n + t : t * n + s;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  });
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([pair, weight]) => [Math.floor(pair / n), pair % n, weight]);
}

/**
 * Moves overlapping groups apart (noverlap), sizes counted in graph units as if the whole graph filled about 900 px:
 * centroids of communities laid out by ForceAtlas2 are apart already, those of a graph without a layout all sit near
 * the middle.
 */
function spreadApart(graph: KnowledgeGraph, groups: OverviewGroup[]): void {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  graph.forEachNode((_node, { x, y }) => {
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
  });
  const extent = Math.max(maxX - minX, maxY - minY, 1);
  const layout = new Graph();
  groups.forEach((g, i) => layout.addNode(i, { x: g.x, y: g.y, size: g.size }));
  noverlap.assign(layout, { maxIterations: 200, settings: { ratio: extent / 900, margin: extent / 300 } });
  groups.forEach((g, i) =>
    Object.assign(g, { x: layout.getNodeAttribute(i, "x"), y: layout.getNodeAttribute(i, "y") }),
  );
}

/** "group:", or "~group:" and so on until no entity or relation key starts with it. */
function unusedPrefix(graph: KnowledgeGraph): string {
  let prefix = "group:";
  const taken = (key: string) => key.startsWith(prefix);
  while (graph.someNode(taken) || graph.someEdge(taken)) prefix = `~${prefix}`;
  return prefix;
}
