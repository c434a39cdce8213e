/**
 * Served graph: holds the graph being served and swaps it atomically when a rebuild or ingest produces a new one.
 */
import { EventEmitter } from "node:events";
import type { KnowledgeGraph } from "../model/types.ts";

/** Health of the data behind the served graph. */
export type ServedGraphStatus = { type: "ok" } | { type: "error"; message: string };

/** The served graph plus a version that increases on every swap (for caches and ETags). */
export class ServedGraph extends EventEmitter {
  #graph: KnowledgeGraph;
  #version = 1;
  #status: ServedGraphStatus = { type: "ok" };

  constructor(graph: KnowledgeGraph) {
    super();
    this.#graph = graph;
  }

  /** The graph currently served. Treat it as read-only: replace it with {@link replace}. */
  get graph(): KnowledgeGraph {
    return this.#graph;
  }

  /** Incremented on every {@link replace}. */
  get version(): number {
    return this.#version;
  }

  /** The last rebuild's outcome: `error` keeps the last good graph served. */
  get status(): ServedGraphStatus {
    return this.#status;
  }

  /** Serves `graph` from now on and emits `change` with it. */
  replace(graph: KnowledgeGraph): void {
    this.#graph = graph;
    this.#version++;
    this.#status = { type: "ok" };
    this.emit("change", graph);
  }

  /** Records that a rebuild failed; the previous graph stays served. */
  setError(message: string): void {
    this.#status = { type: "error", message };
  }
}
