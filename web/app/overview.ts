/**
 * Overview mode: a graph too large to draw in full opens on its groups (communities); this expands a group into its
 * entities, or brings in the entities a search hit or a path needs, fetched from the server and merged into the
 * drawn graph.
 */
import { fetchGroup, fetchSearch, fetchSubgraph, type OverviewSummary } from "./api.ts";
import { mergeDraw } from "./graph.ts";
import type { SearchHit } from "./search.ts";
import type { TimeWindow } from "./timelineWindow.ts";
import type { WebGraph } from "./types.ts";

/** Tunables of {@link createOverview}. */
export interface OverviewModeOptions {
  /** Most entities a group's expansion draws, best connected first (the server's default, 500). */
  expandLimit: number;
  /** Neighbours drawn with an entity brought in for a search hit (best connected first). */
  neighbors: number;
  /** Suggestions asked of the server's search. */
  searchLimit: number;
}

export const DEFAULT_OVERVIEW_MODE_OPTIONS: OverviewModeOptions = { expandLimit: 500, neighbors: 30, searchLimit: 8 };

/** The page's overview of a large graph. */
export interface Overview {
  /** What the overview stands for (entities and relations of the whole graph, groups drawn). */
  readonly summary: OverviewSummary;
  /** Ids of the groups expanded so far. */
  readonly expanded: ReadonlySet<string>;
  /** Replaces group node `node` by its entities and their relations; resolves when they are drawn. */
  expand(node: string): Promise<void>;
  /**
   * Draws entities `nodes` (with up to `neighbors` neighbours each) when some of them, or a relation among them in
   * `edges`, is not drawn yet; resolves when they are.
   */
  reveal(nodes: string[], neighbors?: number, edges?: string[]): Promise<void>;
  /** Searches every entity of the served graph, drawn or not. */
  search(query: string): Promise<SearchHit[]>;
  /** Forgets the expansions after the page re-fetched the overview (a new time window, a write). */
  reset(summary: OverviewSummary): void;
}

/**
 * The overview of `graph`, drawn from `summary`'s payload. `window` is the time window parts are fetched within;
 * `merged` runs after each fetch changed the graph, with the nodes added.
 */
export function createOverview(
  graph: WebGraph,
  summary: OverviewSummary,
  window: () => TimeWindow,
  merged: (added: string[]) => void,
  options: Partial<OverviewModeOptions> = {},
): Overview {
  const { expandLimit, neighbors: defaultNeighbors, searchLimit } = { ...DEFAULT_OVERVIEW_MODE_OPTIONS, ...options };
  const expanded = new Set<string>();
  let current = summary;
  return {
    get summary() {
      return current;
    },
    expanded,
    async expand(node) {
      const group = graph.hasNode(node) ? graph.getNodeAttribute(node, "group") : undefined;
      if (group === undefined || expanded.has(group)) return;
      const part = await fetchGroup(group, [...expanded], expandLimit, window());
      // Fetched while the graph may have changed (another expansion): only a group still drawn is replaced.
      if (!graph.hasNode(node) || expanded.has(group)) return;
      graph.dropNode(node);
      expanded.add(group);
      merged(mergeDraw(graph, part));
    },
    async reveal(nodes, neighbors = defaultNeighbors, edges = []) {
      const missing = nodes.some((n) => !graph.hasNode(n)) || edges.some((e) => !graph.hasEdge(e));
      if (!missing || nodes.length === 0) return;
      merged(mergeDraw(graph, await fetchSubgraph(nodes, neighbors, window())));
    },
    async search(query) {
      if (query.trim() === "") return [];
      const { hits } = await fetchSearch(query, searchLimit);
      return hits.map(({ id, label, type, score }) => ({ id, label, type, score, matched: null }));
    },
    reset(fresh) {
      current = fresh;
      expanded.clear();
    },
  };
}

/** The notice over an overview: what it stands for and how to go further. */
export function overviewNotice(overview: Overview): string {
  const { entities, relations, groups } = overview.summary;
  const n = (x: number) => x.toLocaleString("en");
  const opened = overview.expanded.size;
  const expandedText = opened === 0 ? "" : ` ${opened === 1 ? "1 group" : `${n(opened)} groups`} expanded.`;
  return (
    `Overview of ${n(entities)} entities and ${n(relations)} relations in ${n(groups)} groups; ` +
    `click a group to expand it. Search and the path finder reach every entity.${expandedText}`
  );
}
