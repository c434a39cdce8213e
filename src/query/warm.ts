/**
 * Index warm-up: builds the path and search indexes (and, for a graph too large to draw in full, its overview's)
 * when a graph starts being served, not on its first query.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { pathIndexOf } from "../paths/index.ts";
import { searchIndexOf } from "../search/index.ts";
import { logger } from "../util/logger.ts";
import type { ServedGraph } from "../graph/servedGraph.ts";
import { DEFAULT_OVERVIEW_OPTIONS, drawsInFull, type OverviewOptions } from "./overview.ts";
import { overviewIndexOf } from "./overviewIndex.ts";

/**
 * Builds the indexes of the served graph now and of every graph swapped in (just after the swap, so the
 * request that caused it is answered first). Returns a function that stops following the served graph.
 *
 * The first build is synchronous on purpose: the server starts listening only after it, so "serving" means that
 * path and search queries answer at once, and the build counts in the load time (about 1 s at 100k nodes, most of a
 * minute's CPU at 1M). A swapped-in graph's build (after an ingest or an edit of graph-data/) still blocks the event
 * loop once, for as long as it takes: milliseconds for the curated graph, about a second at 100k nodes. Slicing it
 * would need the index caches to hand queries an index still being built.
 */
export function warmQueryIndexes(served: ServedGraph, draw: Partial<OverviewOptions> = {}): () => void {
  build(served.graph, draw);
  const onChange = (graph: KnowledgeGraph) => {
    setImmediate(() => {
      if (served.graph === graph) build(graph, draw);
    });
  };
  served.on("change", onChange);
  return () => served.off("change", onChange);
}

function build(graph: KnowledgeGraph, draw: Partial<OverviewOptions>): void {
  const started = performance.now();
  pathIndexOf(graph);
  const pathMs = Math.round(performance.now() - started);
  searchIndexOf(graph);
  const searchMs = Math.round(performance.now() - started) - pathMs;
  // The page opens a large graph on its overview: its groups are ready before the first page load asks.
  if (!drawsInFull(graph, draw)) overviewIndexOf(graph, { ...DEFAULT_OVERVIEW_OPTIONS, ...draw }.maxGroups);
  const ms = Math.round(performance.now() - started);
  const overviewMs = ms - pathMs - searchMs;
  logger.info({ nodes: graph.order, edges: graph.size, ms, pathMs, searchMs, overviewMs }, "query indexes built");
}
