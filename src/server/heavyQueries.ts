/**
 * Heavy-query queue: runs expensive queries (path enumerations) one per event-loop turn, so light routes and
 * /api/health are answered between them, and refuses more than a bounded backlog with a JSON 503 and Retry-After.
 *
 * Each path query is synchronous and bounded by its own time budget; what stalled the server was a burst of them
 * run back to back with nothing else in between. Here at most `concurrency` wait on the event loop at once and
 * every other request gets a turn after each one.
 */
import { HttpError } from "../query/errors.ts";

/** Tunables of {@link HeavyQueryQueue}. */
export interface HeavyQueryOptions {
  /** Queries started per event-loop turn. */
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
  #scheduled = false;

  constructor(options: Partial<HeavyQueryOptions> = {}) {
    this.#options = { ...DEFAULT_HEAVY_QUERY_OPTIONS, ...options };
  }

  /** Queries waiting to run. */
  get backlog(): number {
    return this.#waiting.length;
  }

  /** Runs `task` on a later turn of the event loop; rejects at once with a 503 HttpError when the backlog is full. */
  run<T>(task: () => T): Promise<T> {
    const { maxQueued, concurrency, retryAfterSeconds } = this.#options;
    if (this.#waiting.length >= maxQueued + concurrency) return Promise.reject(busy(retryAfterSeconds));
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ task, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#waiting.length === 0) return;
    this.#scheduled = true;
    // setImmediate runs after pending I/O: requests that arrived meanwhile are read and answered first.
    setImmediate(() => {
      this.#scheduled = false;
      for (const job of this.#waiting.splice(0, this.#options.concurrency)) {
        try {
          job.resolve(job.task());
        } catch (error) {
          job.reject(error);
        }
      }
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
