/**
 * Background graph: a server started on a snapshot builds its graphology graph after it listens, in slices, then
 * serves it (and seeds it with the snapshot's indexes) for the routes that need it.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { graphFromSnapshot, seedFromSnapshot, type GraphBuildOptions, type Snapshot } from "../snapshot/index.ts";
import { logger } from "../util/logger.ts";
import type { ServerContext } from "./context.ts";

/** Tunables of {@link buildInBackground}. */
export interface BackgroundGraphOptions {
  /** Slices of the build. */
  build: Partial<Omit<GraphBuildOptions, "signal">>;
  /** Waited for before the build starts; tests hold it to query a server whose graph is not built yet. */
  gate: Promise<void> | null;
  /**
   * Serves the built graph: null hands it to the server waiting for its first graph (`fulfil`); a read replica
   * given a new snapshot publishes it instead (its indexes warmed first, its version a new one).
   */
  serve: ((graph: KnowledgeGraph) => Promise<void>) | null;
  /** Called once the graph is served (writes, the overview's warm-up). */
  onReady: (graph: KnowledgeGraph) => void;
}

export const DEFAULT_BACKGROUND_GRAPH_OPTIONS: BackgroundGraphOptions = {
  build: {},
  gate: null,
  serve: null,
  onReady: () => {},
};

/** A build under way; `stop` abandons it (at its next slice) and resolves once it has ended. */
export interface BackgroundGraph {
  stop: () => Promise<void>;
}

/**
 * Builds `ctx.served`'s pending graph from `snapshot` (read from `file`) without holding the event loop, then fulfils
 * it. A failure is logged and left in the served graph's status: the routes waiting for the graph answer 503, those
 * answered from the snapshot go on.
 */
export function buildInBackground(
  ctx: ServerContext,
  snapshot: Snapshot,
  file: string,
  options: Partial<BackgroundGraphOptions> = {},
): BackgroundGraph {
  const { build, gate, serve, onReady } = { ...DEFAULT_BACKGROUND_GRAPH_OPTIONS, ...options };
  const abort = new AbortController();
  const done = (async () => {
    if (gate) await Promise.race([gate, aborted(abort.signal)]);
    const started = performance.now();
    const graph = await graphFromSnapshot(snapshot, { ...build, signal: abort.signal });
    // The graph is made of the snapshot's own ids: this compares each id with itself, then hands over the indexes.
    const refusal = seedFromSnapshot(graph, snapshot, file);
    if (refusal) throw new Error(refusal.message);
    if (serve) await serve(graph);
    else ctx.served.fulfil(graph);
    onReady(graph);
    const ms = Math.round(performance.now() - started);
    logger.info({ nodes: graph.order, edges: graph.size, ms }, "graph built from the snapshot");
  })().catch((error: Error) => {
    if (abort.signal.aborted) return;
    logger.error({ err: error.message }, "could not build the graph from the snapshot; restart the server to retry");
    ctx.served.failBuild(error);
  });
  return {
    stop: async () => {
      abort.abort();
      await done;
    },
  };
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
}
