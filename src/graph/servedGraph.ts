/**
 * Served graph: holds the graph being served and swaps it atomically when a rebuild or ingest produces a new one. A
 * server starting on a snapshot holds none at first: the graph is built after it listens, and {@link
 * ServedGraph.whenReady} waits for it.
 */
import { EventEmitter } from "node:events";
import type { KnowledgeGraph } from "../model/types.ts";
import { logger } from "../util/logger.ts";

/**
 * Readies what readers need of a graph (its query indexes) before {@link ServedGraph.publish} serves it, without
 * holding the event loop for long; the graph does not change meanwhile and no reader sees it.
 */
export type GraphPreparer = (graph: KnowledgeGraph) => Promise<void>;

/** Health of the data behind the served graph. */
export type ServedGraphStatus = { type: "ok" } | { type: "error"; message: string };

/** The served graph plus a version that increases on every swap (for caches and ETags). */
export class ServedGraph extends EventEmitter {
  #graph: KnowledgeGraph | null;
  #version = 1;
  #status: ServedGraphStatus = { type: "ok" };
  /** The wait for the next graph while there is none (set by {@link ServedGraph.#pend}). */
  #ready: Promise<KnowledgeGraph> | null = null;
  #settle: { resolve: (graph: KnowledgeGraph) => void; reject: (error: Error) => void } | null = null;
  readonly #preparers = new Set<GraphPreparer>();
  /** The last publish under way: the next one waits for it, so versions are served in the order published. */
  #publishing: Promise<void> = Promise.resolve();
  /** Open readers by the version served when each began (see {@link openReader}). */
  readonly #readers = new Map<number, number>();
  /** Holds on particular graphs (see {@link hold}). */
  readonly #holds = new Map<KnowledgeGraph, number>();
  /** Graphs served once and replaced since, with the last version they were served at. */
  readonly #retiredAt = new WeakMap<KnowledgeGraph, number>();

  /** Serves `graph`, or, given null, nothing until {@link ServedGraph.fulfil} hands it the graph. */
  constructor(graph: KnowledgeGraph | null) {
    super();
    this.#graph = graph;
    if (!graph) this.#pend();
  }

  /** A new wait for the next graph, unless one is already under way. */
  #pend(): void {
    if (this.#settle) return;
    this.#ready = new Promise((resolve, reject) => {
      this.#settle = { resolve, reject };
    });
    // A build that fails with no request waiting is reported by status, not as an unhandled rejection.
    this.#ready.catch(() => undefined);
  }

  /** Hands `graph` to whoever waits for one. */
  #resolve(graph: KnowledgeGraph): void {
    this.#settle?.resolve(graph);
    this.#settle = null;
  }

  /** Whether the graph is there (always, unless the server started on a snapshot and is still building it). */
  get ready(): boolean {
    return this.#graph !== null;
  }

  /** The graph once it is there; rejects when its build failed. */
  whenReady(): Promise<KnowledgeGraph> {
    return this.#graph ? Promise.resolve(this.#graph) : this.#ready!;
  }

  /**
   * The graph currently served. Treat it as read-only: replace it with {@link replace}. Throws while it is still
   * being built: code that may run before that awaits {@link whenReady}.
   */
  get graph(): KnowledgeGraph {
    if (!this.#graph) throw new Error("served graph: the graph is still being built; await whenReady() first");
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

  /** Serves the graph a pending holder was waiting for (its version stays: it is the graph the snapshot was of). */
  fulfil(graph: KnowledgeGraph): void {
    if (this.#graph) throw new Error("served graph: the graph is already there; use replace() to swap it");
    this.#graph = graph;
    this.#resolve(graph);
  }

  /** Records that the pending graph could not be built: whoever waits for it gets `error`. */
  failBuild(error: Error): void {
    this.#status = { type: "error", message: error.message };
    this.#settle?.reject(error);
    this.#settle = null;
  }

  /**
   * Stops serving the current graph, as if the server had just started on a snapshot: the version increases, readers
   * that need the graph wait for the next one (handed over by {@link fulfil} or {@link publish}). What a read replica
   * does when its snapshot is replaced, so that no request mixes the old graph with the new snapshot.
   */
  retire(): void {
    if (this.#graph) this.#retiredAt.set(this.#graph, this.#version);
    this.#graph = null;
    this.#version++;
    this.#status = { type: "ok" };
    this.#pend();
  }

  /** Has `preparer` ready every graph {@link publish}ed from now on; returns what stops it. */
  prepareWith(preparer: GraphPreparer): () => void {
    this.#preparers.add(preparer);
    return () => this.#preparers.delete(preparer);
  }

  /**
   * Serves `graph` once the preparers have readied it (see {@link prepareWith}), after any publish still under way.
   * Meanwhile readers keep the previous graph with its indexes; then graph and indexes are served together. A
   * preparer that fails is logged and the graph served anyway (its readers build what is missing on first use):
   * the caller has committed the data it reflects.
   */
  publish(graph: KnowledgeGraph): Promise<void> {
    const turn = this.#publishing.then(async () => {
      for (const prepare of this.#preparers) {
        await prepare(graph).catch((error: Error) =>
          logger.warn({ err: error.message }, "could not prepare the new graph's indexes; built on first use"),
        );
      }
      this.replace(graph);
    });
    this.#publishing = turn.catch(() => undefined);
    return turn;
  }

  /** Serves `graph` from now on, at once, and emits `change` with it. */
  replace(graph: KnowledgeGraph): void {
    if (this.#graph && this.#graph !== graph) this.#retiredAt.set(this.#graph, this.#version);
    this.#retiredAt.delete(graph);
    this.#graph = graph;
    this.#version++;
    this.#status = { type: "ok" };
    this.#resolve(graph);
    this.emit("change", graph);
  }

  /**
   * Marks the start of a reader that may keep what it reads across awaits (a request: a streamed export, a document
   * list, a path query answered on a worker); returns what ends it. Every graph served from now until then may be in
   * its hands, so none of them is {@link recyclable} before it ends. Ending twice does nothing.
   */
  openReader(): () => void {
    return this.#count(this.#readers, this.#version);
  }

  /**
   * Resolves once every reader opened while `version` or an earlier one was served has ended: what was served then
   * (a retired snapshot's open file) is in no one's hands any more.
   */
  whenReadersEnd(version: number): Promise<void> {
    const open = () => [...this.#readers.keys()].some((opened) => opened <= version);
    return new Promise((resolve) => {
      const check = () => {
        if (open()) return;
        this.off("released", check);
        resolve();
      };
      this.on("released", check);
      check();
    });
  }

  /** Keeps `graph` from being {@link recyclable} until the returned function is called (e.g. while it is saved). */
  hold(graph: KnowledgeGraph): () => void {
    return this.#count(this.#holds, graph);
  }

  /** Counts one more for `key` in `counts`; returns what counts it off again (once) and says so with `released`. */
  #count<K>(counts: Map<K, number>, key: K): () => void {
    counts.set(key, (counts.get(key) ?? 0) + 1);
    let counted = true;
    return () => {
      if (!counted) return;
      counted = false;
      const left = counts.get(key)! - 1;
      if (left > 0) counts.set(key, left);
      else counts.delete(key);
      this.emit("released");
    };
  }

  /**
   * Whether `graph` may be changed in place: it was served and has been replaced since, nothing holds it, and every
   * reader still open began after it was replaced (so none can have it).
   */
  recyclable(graph: KnowledgeGraph): boolean {
    const retiredAt = this.#retiredAt.get(graph);
    if (retiredAt === undefined || graph === this.#graph || this.#holds.has(graph)) return false;
    for (const version of this.#readers.keys()) if (version <= retiredAt) return false;
    return true;
  }

  /**
   * Resolves true once `graph` is {@link recyclable}, or false once `stillWanted()` is false; both are checked when a
   * reader or hold ends and when another graph is served.
   */
  whenRecyclable(graph: KnowledgeGraph, stillWanted: () => boolean): Promise<boolean> {
    return new Promise((resolve) => {
      const check = () => {
        const settled = this.recyclable(graph) ? true : stillWanted() ? null : false;
        if (settled === null) return;
        this.off("released", check);
        this.off("change", check);
        resolve(settled);
      };
      this.on("released", check);
      this.on("change", check);
      check();
    });
  }

  /** Records that a rebuild failed; the previous graph stays served. */
  setError(message: string): void {
    this.#status = { type: "error", message };
  }
}
