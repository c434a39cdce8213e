/**
 * Relation filter: the one rule for which relations a time window and a minimum support keep — a relation is in the
 * window when one of its evidence documents is dated within it, and kept when at least `minSupport` distinct
 * documents state it — and the filtered graph the routes answer on.
 */
import { MultiDirectedGraph } from "graphology";
import type { EntityAttributes, Evidence, KnowledgeGraph, RelationAttributes } from "../model/types.ts";
import { documentDates } from "./reporting.ts";
import { ownedCache } from "../util/ownedCache.ts";

/** A time window (inclusive `YYYY-MM-DD` days; null: open on that side) and a minimum number of documents. */
export interface RelationFilter {
  since: string | null;
  until: string | null;
  minSupport: number;
}

/** The filter that keeps everything. */
export const NO_RELATION_FILTER: RelationFilter = { since: null, until: null, minSupport: 1 };

/** Which nodes a filtered graph keeps: every node (path queries resolve any entity), or the ones the filter leaves. */
export type FilteredNodes = "all" | "kept";

/** Filtered graphs kept per served graph: a page or a client usually asks for the same few windows again. */
const FILTERED = ownedCache<KnowledgeGraph, KnowledgeGraph>(4);

/** Whether `filter` leaves anything out. */
export function isFiltering(filter: RelationFilter): boolean {
  return filter.since !== null || filter.until !== null || filter.minSupport > 1;
}

/** Whether a `YYYY-MM-DD` day is within the filter's window. */
export function inWindow(filter: RelationFilter, day: string): boolean {
  return (filter.since === null || day >= filter.since) && (filter.until === null || day <= filter.until);
}

/**
 * The test a relation must pass: at least `minSupport` distinct evidence documents and, with a window, one of them
 * dated within it (an undated relation is in no window). The graph's document dates are read once.
 */
export function relationTest(graph: KnowledgeGraph, filter: RelationFilter): (a: RelationAttributes) => boolean {
  const dated = filter.since !== null || filter.until !== null;
  const dates = documentDates(graph);
  // Called once per relation of the graph for a new window: no allocation per relation.
  return (attributes) => {
    const evidence = attributes.evidence as Partial<Evidence>[] | undefined;
    if (!Array.isArray(evidence) || distinctDocuments(evidence, filter.minSupport) < filter.minSupport) return false;
    if (!dated) return true;
    for (const item of evidence) {
      const day = typeof item?.doc === "string" ? dates.get(item.doc) : undefined;
      if (day !== undefined && inWindow(filter, day)) return true;
    }
    return false;
  };
}

/** How many distinct documents `evidence` names, counted up to `enough` (a relation has a handful of quotes). */
function distinctDocuments(evidence: Partial<Evidence>[], enough: number): number {
  let count = 0;
  for (let i = 0; i < evidence.length && count < enough; i++) {
    const doc = evidence[i]?.doc;
    if (typeof doc !== "string") continue;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = evidence[j]?.doc === doc;
    if (!seen) count++;
  }
  return count;
}

/**
 * `graph` without the relations the filter leaves out; `graph` itself when it leaves nothing out. With `nodes: "kept"`
 * a node stays when a kept relation touches it or, under a time window, a document it appears in is dated within the
 * window. The result is cached per graph (the served graph is replaced, never changed, on a write), so its path and
 * search indexes are built once per window.
 */
export function filterGraph(graph: KnowledgeGraph, filter: RelationFilter, nodes: FilteredNodes): KnowledgeGraph {
  if (!isFiltering(filter)) return graph;
  const key = `${nodes}|${filter.since}|${filter.until}|${filter.minSupport}`;
  return FILTERED.get(graph, key, () => buildFiltered(graph, filter, nodes));
}

function buildFiltered(graph: KnowledgeGraph, filter: RelationFilter, nodes: FilteredNodes): KnowledgeGraph {
  const keepRelation = relationTest(graph, filter);
  const kept: string[] = [];
  const touched = new Set<string>();
  graph.forEachEdge((edge, attributes, source, target) => {
    if (!keepRelation(attributes)) return;
    kept.push(edge);
    touched.add(source).add(target);
  });
  const keepNode = nodes === "all" ? () => true : nodeTest(graph, filter, touched);
  const out: KnowledgeGraph = new MultiDirectedGraph();
  out.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((node, attributes) => {
    if (keepNode(node, attributes)) out.addNode(node, { ...attributes });
  });
  for (const edge of kept) {
    const [source, target] = graph.extremities(edge);
    if (out.hasNode(source) && out.hasNode(target))
      out.addDirectedEdgeWithKey(edge, source, target, { ...graph.getEdgeAttributes(edge) });
  }
  return out;
}

function nodeTest(
  graph: KnowledgeGraph,
  filter: RelationFilter,
  touched: Set<string>,
): (node: string, attributes: EntityAttributes) => boolean {
  const dated = filter.since !== null || filter.until !== null;
  const dates = documentDates(graph);
  return (node, attributes) => {
    if (touched.has(node)) return true;
    return dated && Array.isArray(attributes.documents) && anyInWindow(attributes.documents, dates, filter);
  };
}

function anyInWindow(docs: string[], dates: ReadonlyMap<string, string>, filter: RelationFilter): boolean {
  return docs.some((doc) => {
    const day = dates.get(doc);
    return day !== undefined && inWindow(filter, day);
  });
}
