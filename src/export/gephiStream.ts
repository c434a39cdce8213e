/**
 * Gephi push: sends streaming events to a Gephi Graph Streaming master in batches, in the background, retrying a
 * failed batch with growing delays; and keeps a Gephi workspace in step with a graph store's changes.
 */
import type { EventEmitter } from "node:events";
import type { KnowledgeGraph } from "../model/types.ts";
import { logger } from "../util/logger.ts";
import { diffEvents, graphEvents, type GephiEvent } from "./gephiEvents.ts";

/** Tunables of {@link GephiPusher}. */
export interface GephiPushOptions {
  /** Events per POST. */
  batchSize: number;
  /** Attempts per batch before it is dropped (and logged). */
  attempts: number;
  /** Delay before the first retry; doubled at each further one. */
  retryDelayMs: number;
  /** A POST that takes longer is aborted and retried. */
  timeoutMs: number;
}

export const DEFAULT_GEPHI_PUSH_OPTIONS: GephiPushOptions = {
  batchSize: 1000,
  attempts: 5,
  retryDelayMs: 200,
  timeoutMs: 10_000,
};

/** Where the pusher is: idle (nothing queued), sending, or the last batch given up on. */
export type GephiPushStatus =
  { type: "idle" } | { type: "sending" } | { type: "error"; message: string; droppedEvents: number };

/**
 * A background sender. {@link enqueue} only queues (lazily: a whole graph's events are produced as they are sent),
 * so the caller — the server's change handler — is never held up by Gephi being slow or away.
 */
export class GephiPusher {
  readonly #url: string;
  readonly #opts: GephiPushOptions;
  readonly #queue: Iterator<GephiEvent>[] = [];
  #running: Promise<void> | null = null;
  #status: GephiPushStatus = { type: "idle" };
  #dropped = 0;

  constructor(url: string, options: Partial<GephiPushOptions> = {}) {
    this.#url = url;
    this.#opts = { ...DEFAULT_GEPHI_PUSH_OPTIONS, ...options };
  }

  get status(): GephiPushStatus {
    return this.#status;
  }

  /** Queues events and starts sending if idle. */
  enqueue(events: Iterable<GephiEvent>): void {
    this.#queue.push(events[Symbol.iterator]());
    this.#running ??= this.#drain().finally(() => (this.#running = null));
  }

  /** Resolves once everything queued so far has been sent or given up on. */
  async flush(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    this.#status = { type: "sending" };
    for (let batch = this.#take(); batch.length > 0; batch = this.#take()) await this.#send(batch);
    if (this.#status.type === "sending") this.#status = { type: "idle" };
  }

  #take(): GephiEvent[] {
    const batch: GephiEvent[] = [];
    while (this.#queue.length > 0 && batch.length < this.#opts.batchSize) {
      const next = this.#queue[0].next();
      if (next.done) this.#queue.shift();
      else batch.push(next.value);
    }
    return batch;
  }

  async #send(batch: GephiEvent[]): Promise<void> {
    // The plugin reads one JSON event per line.
    const body = batch.map((e) => JSON.stringify(e)).join("\r\n") + "\r\n";
    let problem = "";
    for (let attempt = 0; attempt < this.#opts.attempts; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, this.#opts.retryDelayMs * 2 ** (attempt - 1)));
      try {
        const res = await fetch(this.#url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body,
          signal: AbortSignal.timeout(this.#opts.timeoutMs),
        });
        await res.arrayBuffer();
        if (res.ok) return;
        problem = `HTTP ${res.status}`;
      } catch (error) {
        problem = (error as Error).message;
      }
    }
    this.#dropped += batch.length;
    const message = `gephi: ${this.#url} refused ${batch.length} events ${this.#opts.attempts} times (${problem}); is Gephi's streaming master running there?`;
    this.#status = { type: "error", message, droppedEvents: this.#dropped };
    logger.warn({ url: this.#url, problem, dropped: this.#dropped }, "gephi: giving up on a batch of events");
  }
}

/** Something that serves a graph and emits `change` with the new one (the server's ServedGraph). */
export interface GraphSource extends Pick<EventEmitter, "on" | "off"> {
  readonly graph: KnowledgeGraph;
}

/** Sends `source`'s graph, then the difference at every change; returns a function that stops following it. */
export function followInGephi(source: GraphSource, pusher: GephiPusher): () => void {
  let current = source.graph;
  pusher.enqueue(graphEvents(current));
  const onChange = (next: KnowledgeGraph) => {
    pusher.enqueue(diffEvents(current, next));
    current = next;
  };
  source.on("change", onChange);
  return () => source.off("change", onChange);
}
