/**
 * Overview index: the graph's entities grouped by community (the `community` attribute the builder writes with
 * Louvain), each group's members best connected first, its place on the canvas and the relations between groups,
 * built once per graph (about 1 s at 100k entities and 500k relations, so the server builds it when it starts).
 */
import Graph from "graphology";
import noverlap from "graphology-layout-noverlap";
import type { KnowledgeGraph } from "../model/types.ts";
import { drain, type Steps } from "../util/slices.ts";
import { ownerMap, takeLeftover } from "../util/ownerMaps.ts";

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

/** Nodes or edges handled between two points where a build in slices may pause (see {@link overviewIndexSteps}). */
const STEP = 1024;

/** noverlap's iterations in all, and per round between two pauses (see spreadApart). */
const NOVERLAP = { iterations: 200, perRound: 1 };

const TILDE = "~".charCodeAt(0);

/** Most groups laid out in one noverlap grid cell (pairs checked per round: n² / 2, about 0.1 ms per thousand). */
const ONE_CELL_GROUPS = 500;

// Graphs are swapped when they change, never edited in place (see graph/servedGraph.ts): a graph's index never goes stale.
// A graph the writer recycles leaves its indexes aside, and the next ones rewrite their entity → group Maps.
const CACHE = ownerMap<KnowledgeGraph, Map<number, OverviewIndex>>({ reuse: true });

/** The overview index of `graph` with at most `maxGroups` groups, built on first use and kept with the graph. */
export function overviewIndexOf(graph: KnowledgeGraph, maxGroups: number): OverviewIndex {
  return drain(overviewIndexSteps(graph, maxGroups));
}

/**
 * {@link overviewIndexOf} as steps that pause every {@link STEP} nodes or edges, for a build in slices
 * (src/util/slices.ts) beside requests; the index is kept with the graph once built. `graph` must not change until
 * the steps end.
 */
export function* overviewIndexSteps(graph: KnowledgeGraph, maxGroups: number): Steps<OverviewIndex> {
  let byLimit = CACHE.get(graph);
  if (!byLimit) {
    const leftover = takeLeftover(CACHE, graph);
    CACHE.set(graph, (byLimit = new Map()));
    if (leftover) PREVIOUS.set(byLimit, leftover);
  }
  let index = byLimit.get(maxGroups);
  if (!index) {
    const groupOf = PREVIOUS.get(byLimit)?.get(maxGroups)?.groupOf ?? new Map<string, number>();
    PREVIOUS.get(byLimit)?.delete(maxGroups);
    byLimit.set(maxGroups, (index = yield* buildIndex(graph, maxGroups, groupOf)));
  }
  return index;
}

/** A recycled graph's previous overview indexes, by the indexes of its new content, until rewritten. */
const PREVIOUS = new WeakMap<Map<number, OverviewIndex>, Map<number, OverviewIndex>>();

/**
 * The index, its entity → group Map written into `groupOf`: empty, or the previous index's of the same graph object,
 * which no one reads any more (only the entries that changed are set again, a 100k-entry Map per write left to the
 * collector otherwise).
 */
function* buildIndex(graph: KnowledgeGraph, maxGroups: number, groupOf: Map<string, number>): Steps<OverviewIndex> {
  const communities = new Map<string, string[]>();
  let count = 0;
  for (const { node, attributes } of graph.nodeEntries()) {
    const id = String(attributes.community);
    const list = communities.get(id);
    if (list) list.push(node);
    else communities.set(id, [node]);
    if (++count % STEP === 0) yield;
  }
  // Largest communities first; past the limit, the rest share one group rather than being dropped.
  const sorted = [...communities].sort((a, b) => b[1].length - a[1].length);
  const kept = sorted.slice(0, sorted.length > maxGroups ? maxGroups - 1 : maxGroups);
  const rest = sorted.slice(kept.length).flatMap(([, members]) => members);
  if (rest.length > 0) kept.push([OTHER_GROUP, rest]);
  const largest = Math.max(1, ...kept.map(([, members]) => members.length));
  const groups: OverviewGroup[] = [];
  for (const [id, members] of kept) {
    let x = 0;
    let y = 0;
    for (const node of members) {
      x += graph.getNodeAttribute(node, "x");
      y += graph.getNodeAttribute(node, "y");
    }
    const size = SIZE_RANGE.min + (SIZE_RANGE.max - SIZE_RANGE.min) * Math.sqrt(members.length / largest);
    const sortedMembers = yield* byDegree(members, (node) => graph.degree(node));
    groups.push({ id, members: sortedMembers, x: x / members.length, y: y / members.length, size });
    yield;
  }
  yield* spreadApart(graph, groups);
  count = 0;
  for (let i = 0; i < groups.length; i++) {
    for (const node of groups[i].members) {
      if (groupOf.get(node) !== i) groupOf.set(node, i);
      if (++count % STEP === 0) yield;
    }
  }
  if (groupOf.size > graph.order) {
    for (const node of groupOf.keys()) {
      if (!graph.hasNode(node)) groupOf.delete(node);
      if (++count % STEP === 0) yield;
    }
  }
  const pairs = yield* groupPairs(graph, groupOf, groups.length);
  const prefix = yield* unusedPrefix(graph);
  return { groups, byId: new Map(groups.map((g) => [g.id, g])), groupOf, pairs, prefix };
}

/**
 * `members` highest degree first, ties by key: one bucket per degree, each sorted by the engine's own string order
 * (the same as `<`). A comparator reading the degrees held the event loop about 200 ms on the "other" group of a
 * 100k-node graph; the buckets are small sorts with pauses between them.
 */
function* byDegree(members: string[], degree: (node: string) => number): Steps<string[]> {
  const buckets = new Map<number, string[]>();
  for (let i = 0; i < members.length; i++) {
    const d = degree(members[i]);
    const bucket = buckets.get(d);
    if (bucket) bucket.push(members[i]);
    else buckets.set(d, [members[i]]);
    if (i % STEP === STEP - 1) yield;
  }
  const sorted: string[] = [];
  for (const d of [...buckets.keys()].sort((a, b) => b - a)) {
    for (const node of buckets.get(d)!.sort()) sorted.push(node);
    yield;
  }
  return sorted;
}

/** The pairs of {@link OverviewIndex}; numbered low * n + high while counting, far cheaper than a string key. */
function* groupPairs(
  graph: KnowledgeGraph,
  groupOf: Map<string, number>,
  n: number,
): Steps<[number, number, number][]> {
  const counts = new Map<number, number>();
  let count = 0;
  for (const { source, target } of graph.edgeEntries()) {
    if (++count % STEP === 0) yield;
    const s = groupOf.get(source)!;
    const t = groupOf.get(target)!;
    if (s === t) continue;
    const pair = s < t ? s * n + t : t * n + s;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([pair, weight]) => [Math.floor(pair / n), pair % n, weight]);
}

/**
 * Moves overlapping groups apart (noverlap), sizes counted in graph units as if the whole graph filled about 900 px:
 * centroids of communities laid out by ForceAtlas2 are apart already, those of a graph without a layout all sit near
 * the middle.
 */
function* spreadApart(graph: KnowledgeGraph, groups: OverviewGroup[]): Steps<void> {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  let count = 0;
  for (const { attributes } of graph.nodeEntries()) {
    const { x, y } = attributes;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    if (++count % STEP === 0) yield;
  }
  const extent = Math.max(maxX - minX, maxY - minY, 1);
  const layout = new Graph();
  groups.forEach((g, i) => layout.addNode(i, { x: g.x, y: g.y, size: g.size }));
  // noverlap's 200 iterations over 200 groups took 130-230 ms in one call. Run in rounds, they give the same positions
  // (each round reads back the Float32 positions the last one wrote), and a round that moves nothing has converged.
  // One grid cell: noverlap's grid (20 × 20 by default) helps many small nodes, but groups that all overlap in the
  // middle each cover most cells, and the library then checks each pair once per shared cell through a string-keyed
  // set, 90-170 ms for one round; in one cell each pair is checked once, a few thousand distances.
  const settings = { ratio: extent / 900, margin: extent / 300, gridSize: groups.length <= ONE_CELL_GROUPS ? 1 : 20 };
  for (let done = 0; done < NOVERLAP.iterations; done += NOVERLAP.perRound) {
    const before = layout.mapNodes((_node, a) => `${a.x},${a.y}`).join(";");
    noverlap.assign(layout, { maxIterations: NOVERLAP.perRound, settings });
    if (layout.mapNodes((_node, a) => `${a.x},${a.y}`).join(";") === before) break;
    yield;
  }
  groups.forEach((g, i) =>
    Object.assign(g, { x: layout.getNodeAttribute(i, "x"), y: layout.getNodeAttribute(i, "y") }),
  );
}

/**
 * "group:", or "~group:" and so on until no entity or relation key starts with it; in steps: a pass over 600k keys
 * held the event loop 80 ms.
 */
function* unusedPrefix(graph: KnowledgeGraph): Steps<string> {
  // A key starts with at most one of the candidates: the one with as many "~" as the key has in front of "group:".
  const taken = new Set<number>();
  const check = (key: string) => {
    let tildes = 0;
    while (key.charCodeAt(tildes) === TILDE) tildes++;
    if (key.startsWith("group:", tildes)) taken.add(tildes);
  };
  let count = 0;
  for (const { node } of graph.nodeEntries()) {
    check(node);
    if (++count % STEP === 0) yield;
  }
  for (const { edge } of graph.edgeEntries()) {
    check(edge);
    if (++count % STEP === 0) yield;
  }
  let tildes = 0;
  while (taken.has(tildes)) tildes++;
  return `${"~".repeat(tildes)}group:`;
}
