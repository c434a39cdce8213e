/**
 * Relation filter measures: what a time window costs — the first path query of a window, a cached window's shortest
 * paths against the unfiltered graph's, and the filtered graph /api/graph answers with.
 */
import { filterGraph, NO_RELATION_FILTER, type RelationFilter } from "../../src/graph/relationFilter.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { findPaths, pathIndexOf } from "../../src/paths/index.ts";
import { round, type Row } from "../report.ts";
import { summarize } from "../util/stats.ts";

const DAY_MS = 86_400_000;
/** Documents are spread over one year; the window keeps its second half. */
const WINDOW = { since: "2022-07-01", until: null, minSupport: 1 };
const PAIRS = 200;

/** Dates the graph's documents (`bench-<i>`, as the generator names them) over 2022, one day per document number. */
function dateDocuments(graph: KnowledgeGraph): void {
  const ids = new Set<string>();
  graph.forEachEdge((_e, a) => a.evidence.forEach((ev) => ids.add(ev.doc)));
  const start = Date.parse("2022-01-01T00:00:00Z");
  const documents = [...ids].map((id) => {
    const n = Number(id.slice(id.lastIndexOf("-") + 1)) || 0;
    return { id, title: id, date: new Date(start + (n % 365) * DAY_MS).toISOString().slice(0, 10) };
  });
  graph.setAttribute("documents", documents);
}

/**
 * Times the first path query of a window (which builds the window's edge mask), then shortest paths with the cached
 * mask against the same pairs without a window, and the filtered graph /api/graph and exports answer with.
 */
export function measureRelationFilter(tier: string, graph: KnowledgeGraph, pairs: [string, string][]): Row[] {
  dateDocuments(graph);
  pathIndexOf(graph);
  const [from, to] = pairs[0];
  let t = performance.now();
  findPaths(graph, from, to, { relations: WINDOW });
  const firstMs = performance.now() - t;
  const timed = (relations: RelationFilter) => {
    const times: number[] = [];
    for (const [a, b] of pairs.slice(0, PAIRS)) {
      const s = performance.now();
      findPaths(graph, a, b, { relations });
      times.push(performance.now() - s);
    }
    return summarize(times);
  };
  const whole = timed(NO_RELATION_FILTER);
  const windowed = timed(WINDOW);
  t = performance.now();
  const filtered = filterGraph(graph, WINDOW, "kept");
  const filterMs = performance.now() - t;
  const note = `since=${WINDOW.since}: ${filtered.size} of ${graph.size} relations`;
  return [
    { tier, measure: "time window: first path query (builds the mask)", value: round(firstMs, 1), unit: "ms", note },
    {
      tier,
      measure: "time window: shortest path p50, cached mask",
      value: round(windowed.p50, 3),
      unit: "ms",
      baseline: "same pairs, no window",
      baselineValue: round(whole.p50, 3),
    },
    { tier, measure: "time window: filtered graph for /api/graph", value: round(filterMs, 1), unit: "ms", note },
  ];
}
