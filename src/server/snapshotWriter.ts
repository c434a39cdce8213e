/**
 * Server snapshot writes: the served graph's snapshot written in the background after listening when the start found
 * none to use, and after each save of graph-data/'s build file; a newer served graph abandons a write under way.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ServedGraph } from "../graph/servedGraph.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { snapshotTargetOf, type SnapshotTarget } from "../query/servedSnapshot.ts";
import { writeSnapshotInSlices } from "../snapshot/index.ts";
import { logger } from "../util/logger.ts";
import type { SliceOptions } from "../util/slices.ts";

/** Tunables of {@link SnapshotWriter}. */
export interface SnapshotWriterOptions {
  /** Slices of each write (see writeSnapshotInSlices). */
  slices: Partial<SliceOptions>;
  /** Waited for before each write starts; tests hold it to query a server whose snapshot is not written yet. */
  gate: Promise<void> | null;
}

export const DEFAULT_SNAPSHOT_WRITER_OPTIONS: SnapshotWriterOptions = { slices: {}, gate: null };

/** The last write's outcome, for logs and tests. */
export type SnapshotWriteStatus =
  | { type: "idle" }
  | { type: "writing"; file: string }
  | { type: "written"; file: string; bytes: number }
  | { type: "abandoned"; file: string }
  | { type: "failed"; file: string; message: string };

/** A write under way. */
interface Pending {
  abort: AbortController;
  done: Promise<void>;
}

/** How often the event loop's delay is sampled while a snapshot is written (reported in the log line). */
const LOOP_DELAY_RESOLUTION_MS = 10;

/** Writes the served graph's snapshots one at a time, each abandoned once another graph is served. */
export class SnapshotWriter {
  readonly #served: ServedGraph;
  readonly #options: SnapshotWriterOptions;
  #pending: Pending | null = null;
  #status: SnapshotWriteStatus = { type: "idle" };
  #stopped = false;

  constructor(served: ServedGraph, options: Partial<SnapshotWriterOptions> = {}) {
    this.#served = served;
    this.#options = { ...DEFAULT_SNAPSHOT_WRITER_OPTIONS, ...options };
  }

  get status(): SnapshotWriteStatus {
    return this.#status;
  }

  /**
   * Writes `graph`'s snapshot to `target` in the background, abandoning the write under way. Nothing is written for a
   * graph no longer served, and the write is abandoned (its temporary file removed) once another graph is: its file
   * would be stale. `graph` is held meanwhile, so no write recycles it under the writer.
   */
  write(graph: KnowledgeGraph, target: SnapshotTarget): void {
    this.#pending?.abort.abort();
    if (this.#stopped || !this.#served.ready || this.#served.graph !== graph) return;
    const abort = new AbortController();
    const release = this.#served.hold(graph);
    const onChange = (served: KnowledgeGraph) => {
      if (served !== graph) abort.abort(new Error("snapshot: a newer graph is served"));
    };
    this.#served.on("change", onChange);
    const pending: Pending = {
      abort,
      done: this.#run(graph, target, abort.signal).finally(() => {
        release();
        this.#served.off("change", onChange);
        if (this.#pending === pending) this.#pending = null;
      }),
    };
    this.#pending = pending;
  }

  /** Resolves once no write is under way (for tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.#pending) await this.#pending.done;
  }

  /** Abandons the write under way and writes no more; resolves once its temporary file is removed. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#pending?.abort.abort(new Error("snapshot: the server is closing"));
    await this.idle();
  }

  async #run(graph: KnowledgeGraph, target: SnapshotTarget, signal: AbortSignal): Promise<void> {
    const { gate, slices } = this.#options;
    const { file } = target;
    if (gate) await untilAborted(gate, signal);
    if (signal.aborted) {
      this.#status = { type: "abandoned", file };
      return;
    }
    this.#status = { type: "writing", file };
    logger.info({ file, nodes: graph.order, edges: graph.size }, "writing the snapshot in the background");
    const delay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
    delay.enable();
    const started = performance.now();
    try {
      const written = await writeSnapshotInSlices(graph, file, { key: target.key }, { ...slices, signal });
      this.#status = { type: "written", file, bytes: written.bytes };
      logger.info(
        {
          file,
          bytes: written.bytes,
          ms: Math.round(performance.now() - started),
          slices: written.slices,
          longestSliceMs: Math.round(written.longestSliceMs),
          loopDelayMaxMs: Math.round(delay.max / 1e6),
        },
        "snapshot written",
      );
    } catch (error) {
      if (signal.aborted) {
        this.#status = { type: "abandoned", file };
        logger.info({ file, reason: (signal.reason as Error)?.message }, "snapshot write abandoned");
        return;
      }
      const message = (error as Error).message;
      this.#status = { type: "failed", file, message };
      logger.warn({ file, err: message }, "could not write the snapshot; the next start builds the indexes");
    } finally {
      delay.disable();
    }
  }
}

/**
 * Starts writing the snapshot of the graph a server started with, when the start found none to use (missing, stale,
 * damaged). A --read-only server writes nothing into graph-data/, so it writes no snapshot of its build; a foreign
 * file's snapshot goes to a cache folder and is written.
 */
export function writeStartSnapshot(
  writer: SnapshotWriter,
  graph: KnowledgeGraph,
  target: SnapshotTarget,
  source: { graphFile: string | null; readOnly: boolean },
): void {
  if (source.readOnly && !source.graphFile) {
    logger.info({ file: target.file }, "read-only: no snapshot written into graph-data/; run npx kg build for one");
    return;
  }
  writer.write(graph, target);
}

/**
 * What a server's data writer calls once it saved the served graph to graph-data/'s build file: writes the graph's
 * snapshot keyed on the file as saved. Null (nothing written) for a --read-only server.
 */
export function snapshotAfterSave(
  writer: SnapshotWriter,
  source: { dataRoot: string; readOnly: boolean },
): ((graph: KnowledgeGraph) => void) | null {
  if (source.readOnly) return null;
  return (graph) => {
    const target = snapshotTargetOf(graph, { graphFile: null, dataRoot: source.dataRoot });
    if (target) writer.write(graph, target);
  };
}

/** Resolves when `promise` does or `signal` aborts, whichever comes first. */
function untilAborted(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    signal.addEventListener("abort", () => resolve(), { once: true });
    promise.then(resolve, resolve);
  });
}
