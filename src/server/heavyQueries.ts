/**
 * Heavy-query queue: runs expensive queries (path enumerations) one per event-loop turn, so light routes and
 * /api/health are answered between them, and refuses more than a bounded backlog with a JSON 503 and Retry-After.
 *
 * Each path query is bounded by its own time budget; what stalled the server was a burst of them run back to back
 * with nothing else in between. Here at most `concurrency` run at once — on the event loop, one per turn, or in the
 * path workers (a task returning a promise holds its place until the promise settles) — and every other request
 * gets a turn after each start.
 */
import { HttpError } from "../query/errors.ts";

/** Tunables of {@link HeavyQueryQueue}. */
export interface HeavyQueryOptions {
  /** Queries running at once (a synchronous one runs within its turn), and the most started per event-loop turn. */
  concurrency: number;
  /** Queries waiting beyond the running ones; one more is refused with 503. */
  maxQueued: number;
  /** What the 503's Retry-After header says, in seconds. */
  retryAfterSeconds: number;
}

export const DEFAULT_HEAVY_QUERY_OPTIONS: HeavyQueryOptions = { concurrency: 1, maxQueued: 16, retryAfterSeconds: 1 };

interface Waiting {
  task: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** A FIFO of heavy queries; see the file comment. */
export class HeavyQueryQueue {
  readonly #options: HeavyQueryOptions;
  readonly #waiting: Waiting[] = [];
  #running = 0;
  #scheduled = false;

  constructor(options: Partial<HeavyQueryOptions> = {}) {
    this.#options = { ...DEFAULT_HEAVY_QUERY_OPTIONS, ...options };
  }

  /** Queries waiting to run. */
  get backlog(): number {
    return this.#waiting.length;
  }

  /**
   * Runs `task` on a later turn of the event loop (its promise, when it returns one, is waited for); rejects at once
   * with a 503 HttpError when the backlog is full.
   */
  run<T>(task: () => T | Promise<T>): Promise<T> {
    const { maxQueued, concurrency, retryAfterSeconds } = this.#options;
    if (this.#waiting.length + this.#running >= maxQueued + concurrency) return Promise.reject(busy(retryAfterSeconds));
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ task, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#waiting.length === 0 || this.#running >= this.#options.concurrency) return;
    this.#scheduled = true;
    // setImmediate runs after pending I/O: requests that arrived meanwhile are read and answered first.
    setImmediate(() => {
      this.#scheduled = false;
      const { concurrency } = this.#options;
      for (let started = 0; started < concurrency && this.#running < concurrency; started++) {
        const job = this.#waiting.shift();
        if (!job) break;
        this.#start(job);
      }
      this.#schedule();
    });
  }

  #start(job: Waiting): void {
    this.#running++;
    let result: unknown;
    try {
      result = job.task();
    } catch (error) {
      this.#running--;
      job.reject(error);
      return;
    }
    if (!(result instanceof Promise)) {
      this.#running--;
      job.resolve(result);
      return;
    }
    result.then(job.resolve, job.reject).finally(() => {
      this.#running--;
      this.#schedule();
    });
  }
}

function busy(retryAfterSeconds: number): HttpError {
  return new HttpError(
    503,
    "unavailable",
    `too many heavy path queries (mode=all) at once; retry after ${retryAfterSeconds} s, or ask for fewer paths`,
    {},
    { "Retry-After": String(retryAfterSeconds) },
  );
}
