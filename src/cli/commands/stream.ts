/**
 * kg stream: pushes the graph to Gephi's Graph Streaming master, then every change a running server makes to it.
 *
 * It follows a server from outside, over HTTP (`--server`, polling GET /api/graph with its ETag: an unchanged graph
 * costs a 304), rather than from inside the server process: the server needs no new code path, a slow or absent
 * Gephi can never hold up a request or an ingest, and the same command works against any served graph. Each change
 * (an ingested article, an accepted or rejected relation, a merge) becomes a new graph version; the events sent are
 * the difference between the last two versions. Without `--server`, it sends a graph file or graph-data/ once.
 */
import { EventEmitter } from "node:events";
import { graphEvents } from "../../export/gephiEvents.ts";
import { followInGephi, GephiPusher } from "../../export/gephiStream.ts";
import { readGraphologyJson } from "../../import/json.ts";
import type { KnowledgeGraph } from "../../model/types.ts";
import { loadServedGraph } from "../../query/loadGraph.ts";
import { logger } from "../../util/logger.ts";
import { intOption, parseCommandArgs } from "../args.ts";
import { UsageError, type CommandIO } from "../types.ts";

/** How often the served graph is asked for by default. */
const DEFAULT_INTERVAL_MS = 2000;

/** Runs `kg stream` with its arguments; resolves to the exit code. */
export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs(args, {
    gephi: { type: "string" },
    server: { type: "string" },
    interval: { type: "string" },
    once: { type: "boolean" },
    graph: { type: "string" },
    data: { type: "string" },
  });
  const gephi = httpUrl(values.gephi, "--gephi", "e.g. http://127.0.0.1:8080/workspace1?operation=updateGraph");
  const pusher = new GephiPusher(gephi);
  if (!values.server) {
    const graph = loadServedGraph({ graphFile: values.graph ?? null, dataRoot: values.data });
    pusher.enqueue(graphEvents(graph));
    await pusher.flush();
    return report(io, pusher, `sent ${graph.order} nodes, ${graph.size} edges to ${gephi}`);
  }
  if (values.graph || values.data) throw new UsageError("--server follows a served graph; drop --graph and --data");
  const server = httpUrl(values.server, "--server", "e.g. http://127.0.0.1:3000").replace(/\/$/, "");
  const interval = intOption(values.interval, "--interval", 100, 3_600_000) ?? DEFAULT_INTERVAL_MS;
  const follower = new ServedGraph(server);
  const source = Object.assign(new EventEmitter(), { graph: await follower.fetchInitial() });
  const stop = followInGephi(source, pusher);
  io.out(`streaming ${source.graph.order} nodes, ${source.graph.size} edges from ${server} to ${gephi}`);
  if (!values.once) await pollUntilSignal(follower, source, interval);
  stop();
  await pusher.flush();
  return report(io, pusher, values.once ? "sent" : "stopped");
}

/** A served graph fetched by ETag: a new graph object only when the server's graph changed. */
class ServedGraph {
  readonly #url: string;
  #etag: string | null = null;

  constructor(server: string) {
    this.#url = `${server}/api/graph`;
  }

  async fetchInitial(): Promise<KnowledgeGraph> {
    const graph = await this.fetchIfChanged();
    if (!graph) throw new Error(`stream: ${this.#url} answered no graph; is kg serve running there?`);
    return graph;
  }

  async fetchIfChanged(): Promise<KnowledgeGraph | null> {
    let res: Response;
    try {
      res = await fetch(this.#url, { headers: this.#etag ? { "If-None-Match": this.#etag } : {} });
    } catch (error) {
      throw new Error(
        `stream: cannot reach ${this.#url} (${(error as Error).message}); start kg serve or fix --server`,
        { cause: error },
      );
    }
    if (res.status === 304) return null;
    if (!res.ok) throw new Error(`stream: ${this.#url} answered ${res.status}; check --server`);
    this.#etag = res.headers.get("etag");
    return readGraphologyJson(await res.text(), this.#url);
  }
}

async function pollUntilSignal(
  follower: ServedGraph,
  source: EventEmitter & { graph: KnowledgeGraph },
  interval: number,
): Promise<void> {
  let stopped = false;
  const stop = () => (stopped = true);
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    while (!stopped) {
      await new Promise((r) => setTimeout(r, interval));
      try {
        const next = await follower.fetchIfChanged();
        if (next) {
          source.graph = next;
          source.emit("change", next);
        }
      } catch (error) {
        // A restarting server is not a reason to stop following it.
        logger.warn({ error: (error as Error).message }, "stream: cannot fetch the served graph; retrying");
      }
    }
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

function report(io: { out: (t: string) => void; err: (t: string) => void }, pusher: GephiPusher, said: string): number {
  const status = pusher.status;
  if (status.type === "error") {
    io.err(status.message);
    return 1;
  }
  io.out(said);
  return 0;
}

function httpUrl(value: string | undefined, flag: string, example: string): string {
  if (!value) throw new UsageError(`${flag} is required (${example})`);
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return value;
  } catch {
    // reported below
  }
  throw new UsageError(`${flag} must be an http(s) URL, ${example}`);
}
