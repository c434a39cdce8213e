/**
 * Index warm-up: builds the path and search indexes (and, for a graph too large to draw in full, its overview's)
 * when a graph starts being served, not on its first query — for a published graph, before it is served.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { cachedPathIndex, pathIndexSteps, seedPathIndex } from "../paths/index.ts";
import { cachedSearchIndex, searchIndexSteps, seedSearchIndex } from "../search/index.ts";
import { logger } from "../util/logger.ts";
import { drain, runInSlices, type SliceOptions, type Steps } from "../util/slices.ts";
import type { ServedGraph } from "../graph/servedGraph.ts";
import { DEFAULT_OVERVIEW_OPTIONS, drawsInFull, type OverviewOptions } from "./overview.ts";
import { overviewIndexSteps } from "./overviewIndex.ts";

/** Tunables of {@link warmQueryIndexes}. */
export interface WarmOptions {
  /** When a graph is drawn in full or by its overview (whose index is then built too). */
  draw: Partial<OverviewOptions>;
  /** Slices of the build of a published graph's indexes. */
  slices: Partial<SliceOptions>;
  /**
   * How the indexes of the graph served now are built: "now", before this returns (a server that listens only
   * after it); "sliced", in slices beside requests (a server already answering from its snapshot, whose graph has
   * just been built behind it: the overview's groups take seconds at a million entities).
   */
  first: WarmFirst;
}

/** When the served graph's indexes are built (see {@link WarmOptions.first}). */
export type WarmFirst = "now" | "sliced";

export const DEFAULT_WARM_OPTIONS: WarmOptions = { draw: {}, slices: {}, first: "now" };

/** How long each index took (wall clock: for a build in slices, the requests answered between slices count too). */
interface Timings {
  pathMs: number;
  searchMs: number;
  overviewMs: number;
}

/**
 * Builds the indexes of the served graph now, and those of every graph published later (see
 * {@link ServedGraph.publish}) in slices before it is served, so that reads go on answering from the previous graph
 * meanwhile and never meet a new graph without its indexes. A graph swapped in by `replace` instead has its indexes
 * built just after the swap, in one go. Returns a function that stops following the served graph.
 *
 * The first build is synchronous by default on purpose: the server starts listening only after it, so "serving"
 * means that path and search queries answer at once, and the build counts in the load time (about 1 s at 100k nodes,
 * most of a minute's CPU at 1M). A server already listening asks for it in slices (`first: "sliced"`); stopping
 * abandons it at its next slice.
 */
export function warmQueryIndexes(served: ServedGraph, options: Partial<WarmOptions> = {}): () => void {
  const { draw, slices, first: when } = { ...DEFAULT_WARM_OPTIONS, ...options };
  const first = served.graph;
  let stopped = false;
  if (when === "now") report(first, drain(indexSteps(first, draw)), 1);
  else {
    // Never rejects: a failed build is logged, and the routes waiting on it build what they need themselves.
    const run = runInSlices(
      untilStopped(indexSteps(first, draw), () => stopped),
      slices,
    )
      .then(({ value, slices: count }) => {
        if (value) report(first, value, count);
      })
      .catch((error: Error) => logger.error({ err: error.message }, "could not build the query indexes in slices"))
      .finally(() => WARMING.delete(first));
    WARMING.set(first, run);
  }
  const stopPreparing = served.prepareWith(async (graph) => {
    const { value, slices: count } = await runInSlices(indexSteps(graph, draw), slices);
    report(graph, value, count);
  });
  const onChange = (graph: KnowledgeGraph) => {
    setImmediate(() => {
      // Not served any more (replaced again, or retired by a read replica given a new snapshot): nothing to warm.
      if (!served.ready || served.graph !== graph || (cachedPathIndex(graph) && cachedSearchIndex(graph))) return;
      report(graph, drain(indexSteps(graph, draw)), 1);
    });
  };
  served.on("change", onChange);
  return () => {
    stopped = true;
    stopPreparing();
    served.off("change", onChange);
  };
}

/** Graphs whose indexes are being built in slices while they are served, with the build's end. */
const WARMING = new WeakMap<KnowledgeGraph, Promise<void>>();

/**
 * The end of the build in slices of `graph`'s indexes while it is served (see {@link WarmOptions.first}), or null when
 * none is under way. A route that needs the overview waits for it rather than building the overview again in one go;
 * after a build that was stopped, the route builds what it needs itself.
 */
export function warming(graph: KnowledgeGraph): Promise<void> | null {
  return WARMING.get(graph) ?? null;
}

/** `steps`, ended early (with null) at the first pause after `stopped` says so. */
function* untilStopped<T>(steps: Steps<T>, stopped: () => boolean): Steps<T | null> {
  for (;;) {
    if (stopped()) return null;
    const next = steps.next();
    if (next.done) return next.value;
    yield;
  }
}

/** The indexes' builds one after the other, each handed to its cache as it ends (the graph is not served yet). */
function* indexSteps(graph: KnowledgeGraph, draw: Partial<OverviewOptions>): Steps<Timings> {
  const started = performance.now();
  seedPathIndex(graph, cachedPathIndex(graph) ?? (yield* pathIndexSteps(graph)));
  const pathMs = performance.now() - started;
  seedSearchIndex(graph, cachedSearchIndex(graph) ?? (yield* searchIndexSteps(graph)));
  const searchMs = performance.now() - started - pathMs;
  // The page opens a large graph on its overview: its groups are ready before the first page load asks.
  if (!drawsInFull(graph, draw)) yield* overviewIndexSteps(graph, { ...DEFAULT_OVERVIEW_OPTIONS, ...draw }.maxGroups);
  const overviewMs = performance.now() - started - pathMs - searchMs;
  return { pathMs, searchMs, overviewMs };
}

function report(graph: KnowledgeGraph, timings: Timings, slices: number): void {
  const [pathMs, searchMs, overviewMs] = [timings.pathMs, timings.searchMs, timings.overviewMs].map(Math.round);
  const ms = pathMs + searchMs + overviewMs;
  logger.info(
    { nodes: graph.order, edges: graph.size, ms, pathMs, searchMs, overviewMs, slices },
    "query indexes built",
  );
}
