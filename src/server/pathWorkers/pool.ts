/**
 * Path worker pool: heavy path queries answered on worker threads over the served graph's shared path index, so
 * neither the search nor the serialisation of a megabyte answer holds the event loop. A worker that dies or hangs
 * costs its query a JSON 503 with Retry-After, and is replaced.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { pathIndexParts, type PathIndex } from "../../paths/index.ts";
import { HttpError } from "../../query/errors.ts";
import type { PreparedPaths } from "../../query/paths.ts";
import type { ServedView } from "../../query/servedView.ts";
import { logger } from "../../util/logger.ts";
import type { FromPathWorker, PathWorkerSettings, ToPathWorker } from "./protocol.ts";

/** Tunables of {@link PathWorkerPool}. */
export interface PathWorkerOptions {
  /** Worker threads (see {@link defaultPathWorkers}). */
  size: number;
  /** Attributes a worker keeps between queries (entities plus relations) before it starts afresh. */
  maxCachedAttributes: number;
  /**
   * Nice value of the worker threads (Linux; 0 to leave them at the process's): above 0, the event loop gets the core
   * first when a worker and it both want one, which is what keeps light routes fast under a burst on few cores.
   */
  niceness: number;
  /** A query running longer than this is taken as a hung worker: the worker is replaced, the query answered 503. */
  jobTimeoutMs: number;
  /** What the 503 of a query whose worker was lost tells the client to wait, in seconds. */
  retryAfterSeconds: number;
  /** The module each worker thread runs (the default registers tsx, then loads worker.ts). */
  entry: URL;
}

/**
 * One worker per core beyond the one the event loop needs, and at most two: the event loop must keep a core to stay
 * responsive (that is the point), each worker holds its own search buffers and attribute cache, and queries beyond
 * the workers wait in the heavy-query queue, whose backlog is bounded anyway.
 */
export function defaultPathWorkers(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(2, cores - 1));
}

export const DEFAULT_PATH_WORKER_OPTIONS: PathWorkerOptions = {
  size: defaultPathWorkers(),
  maxCachedAttributes: 200_000,
  niceness: 10,
  jobTimeoutMs: 10_000,
  retryAfterSeconds: 1,
  entry: new URL("./boot.mjs", import.meta.url),
};

/** Workers lost one after another before any was ready: the pool stops replacing them (a broken install, not bad luck). */
const MAX_FAILED_STARTS = 3;

interface Job {
  id: number;
  view: ServedView;
  index: PathIndex;
  indexId: number;
  prepared: PreparedPaths;
  resolve: (json: Buffer) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** The index the worker holds (0: none yet). */
  indexId: number;
  /** Loaded and listening: queries go only to ready workers, and a job's timeout starts then, not during the load. */
  ready: boolean;
}

/** A fixed set of path workers and the queries waiting for one; see the file comment. */
export class PathWorkerPool {
  readonly #options: PathWorkerOptions;
  readonly #slots: Slot[] = [];
  readonly #pending: Job[] = [];
  readonly #indexIds = new WeakMap<PathIndex, number>();
  #nextIndexId = 1;
  #nextJobId = 1;
  #failedStarts = 0;
  #closed = false;

  constructor(options: Partial<PathWorkerOptions> = {}) {
    this.#options = { ...DEFAULT_PATH_WORKER_OPTIONS, ...options };
    for (let i = 0; i < this.#options.size; i++) this.#spawn();
  }

  /** Worker threads the pool keeps running. */
  get size(): number {
    return this.#options.size;
  }

  /**
   * Whether queries can be sent: false once closed, or when workers failed as they started and were given up on
   * (the server then answers heavy queries on the event loop rather than refuse them all).
   */
  get available(): boolean {
    return !this.#closed && this.#slots.length > 0;
  }

  /** Queries a worker is answering now. */
  get running(): number {
    return this.#slots.filter((slot) => slot.job !== null).length;
  }

  /** The worker threads running now (a test stops one to check that it is replaced). */
  get threads(): readonly Worker[] {
    return this.#slots.map((slot) => slot.worker);
  }

  /**
   * The answer to `prepared` (from preparePaths on `view`) as UTF-8 JSON, the same bytes as JSON.stringify of
   * answerPaths' answer. Rejects with a 503 HttpError when its worker is lost or the pool is closed.
   */
  answer(view: ServedView, prepared: PreparedPaths): Promise<Buffer> {
    if (this.#closed || this.#slots.length === 0) return Promise.reject(this.#unavailable("no path worker is running"));
    const index = view.pathIndex;
    return new Promise<Buffer>((resolve, reject) => {
      const indexId = this.#indexIdOf(index);
      this.#pending.push({ id: this.#nextJobId++, view, index, indexId, prepared, resolve, reject });
      this.#dispatch();
    });
  }

  /** Stops every worker; queries still waiting or running get a 503. */
  async close(): Promise<void> {
    this.#closed = true;
    const slots = this.#slots.splice(0);
    const jobs = [...this.#pending.splice(0), ...slots.flatMap((slot) => (slot.job ? [slot.job] : []))];
    for (const job of jobs) job.reject(this.#unavailable("the server is shutting down"));
    for (const slot of slots) if (slot.timer) clearTimeout(slot.timer);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  // A graph swapped in after a write has a new index (and buffer): each worker is sent it with its next query.
  #indexIdOf(index: PathIndex): number {
    let id = this.#indexIds.get(index);
    if (id === undefined) this.#indexIds.set(index, (id = this.#nextIndexId++));
    return id;
  }

  #spawn(): void {
    const { maxCachedAttributes, niceness } = this.#options;
    const settings: PathWorkerSettings = { maxCachedAttributes, niceness };
    const worker = new Worker(this.#options.entry, { workerData: settings });
    // A pool nobody closed (a test's handler) must not keep the process alive; close() still stops the threads.
    worker.unref();
    const slot: Slot = { worker, job: null, timer: null, indexId: 0, ready: false };
    worker.on("message", (message: FromPathWorker) => this.#onMessage(slot, message));
    worker.on("error", (error) => this.#lost(slot, error.message));
    worker.on("exit", (code) => this.#lost(slot, `exited with code ${code}`));
    this.#slots.push(slot);
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (slot.job || !slot.ready) continue;
      const job = this.#pending.shift();
      if (!job) return;
      const index = slot.indexId === job.indexId ? null : pathIndexParts(job.index);
      slot.job = job;
      slot.indexId = job.indexId;
      slot.timer = setTimeout(() => void slot.worker.terminate(), this.#options.jobTimeoutMs).unref();
      this.#post(slot, { type: "job", id: job.id, indexId: job.indexId, index, prepared: job.prepared });
    }
  }

  #onMessage(slot: Slot, message: FromPathWorker): void {
    if (message.type === "ready") {
      slot.ready = true;
      this.#failedStarts = 0;
      this.#dispatch();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    if (message.type === "need") {
      const { view, index } = job;
      const nodes = message.nodes.map((v) => view.getNodeAttributes(index.nodes[v]));
      const edges = message.edges.map((e) => view.edgeAttributesAt(e));
      this.#post(slot, { type: "attributes", id: job.id, nodes, edges });
      return;
    }
    this.#settled(slot);
    if (message.type === "done")
      job.resolve(Buffer.from(message.json.buffer, message.json.byteOffset, message.json.length));
    else job.reject(new Error(`path worker: ${message.message}`));
    this.#dispatch();
  }

  #settled(slot: Slot): void {
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  /** A worker errored, exited or hung: its query gets a 503 and a new worker takes its place. */
  #lost(slot: Slot, why: string): void {
    const at = this.#slots.indexOf(slot);
    if (at === -1) return; // 'error' is followed by 'exit'; close() already let go of its workers
    this.#slots.splice(at, 1);
    const job = slot.job;
    this.#settled(slot);
    logger.error({ why, query: job?.id ?? null }, "path worker lost; starting another");
    job?.reject(this.#unavailable("the path worker answering this query stopped"));
    if (!slot.ready) this.#failedStarts++;
    if (this.#failedStarts >= MAX_FAILED_STARTS) {
      logger.error({ why }, "path workers fail as they start; no more are started until a restart");
      if (this.#slots.length === 0)
        for (const waiting of this.#pending.splice(0)) waiting.reject(this.#unavailable(why));
      return;
    }
    this.#spawn();
    this.#dispatch();
  }

  #post(slot: Slot, message: ToPathWorker): void {
    slot.worker.postMessage(message);
  }

  #unavailable(why: string): HttpError {
    const seconds = this.#options.retryAfterSeconds;
    return new HttpError(
      503,
      "unavailable",
      `${why}; retry after ${seconds} s, or ask for fewer paths`,
      {},
      { "Retry-After": String(seconds) },
    );
  }
}
