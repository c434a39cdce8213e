/**
 * Server start-up: loads (building if stale) the graph, listens, and shuts down gracefully on SIGTERM/SIGINT.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync } from "node:fs";
import { buildToFile, isBuildStale } from "../build/build.ts";
import { readGraphJson } from "../build/graphFile.ts";
import { readAnyGraphFile } from "../import/readAnyGraphFile.ts";
import { dataLayout } from "../store/layout.ts";
import { logger } from "../util/logger.ts";
import type { AppOptions } from "./app.ts";
import { createRequestHandler } from "./handler.ts";
import { DEFAULT_HOST_GUARD_OPTIONS } from "./hostGuard.ts";
import { warmQueryIndexes } from "./api/warm.ts";
import { GraphStore } from "./graphStore.ts";
import type { ServerContext } from "./context.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { DataError } from "../store/issues.ts";
import { setupWrites } from "../ingest/serverWrites.ts";
import { recoverPendingWrites } from "../ingest/transaction.ts";
import type { Extractor } from "../ingest/types.ts";

/** Tunables of {@link startServer}. */
export interface ServeOptions {
  port: number;
  host: string;
  /** More host names clients reach the server by (besides localhost, 127.0.0.1, [::1] and `host`); see hostGuard.ts. */
  allowedHosts: string[];
  /** A graph file to serve instead of graph-data/ (graphology JSON). */
  graphFile: string | null;
  /** graph-data root. */
  dataRoot: string | undefined;
  readOnly: boolean;
  /** Bearer token for the write endpoints (KG_TOKEN or --token-file); required beyond loopback. Never logged. */
  token: string | null;
  /** Extractor for ingests; src/extract's pipeline when null. */
  extractor: Extractor | null;
  /** Reload the served graph when graph-data/ changes on disk. */
  watch: boolean;
  app: Partial<AppOptions>;
}

export const DEFAULT_SERVE_OPTIONS: ServeOptions = {
  port: Number(process.env.PORT ?? 3000),
  host: process.env.HOST ?? "127.0.0.1",
  allowedHosts: DEFAULT_HOST_GUARD_OPTIONS.allowedHosts,
  graphFile: null,
  dataRoot: undefined,
  readOnly: false,
  token: process.env.KG_TOKEN || null,
  extractor: null,
  watch: true,
  app: {},
};

/** A running server. */
export interface RunningServer {
  server: Server;
  url: string;
  context: ServerContext;
  close: () => Promise<void>;
}

/** Loads the graph to serve: the given file (JSON, GEXF or GraphML), or graph-data/'s build (rebuilt when stale). */
export function loadServedGraph(options: Pick<ServeOptions, "graphFile" | "dataRoot">): KnowledgeGraph {
  if (options.graphFile) return readAnyGraphFile(options.graphFile);
  const layout = dataLayout(options.dataRoot);
  if (isBuildStale(layout.builtGraph, options.dataRoot)) {
    logger.info("graph-data changed since the last build; rebuilding");
    return buildToFile(undefined, { root: options.dataRoot }).graph;
  }
  return readGraphJson(layout.builtGraph);
}

/** Like {@link loadServedGraph}, but when graph-data/ is broken and a last good build exists, serves that build and
 * returns the problem so /api/health can report it. */
function loadServedGraphOrLastGood(opts: ServeOptions): { graph: KnowledgeGraph; dataError: string | null } {
  // A write cut short by a crash is finished or discarded before anything is read.
  if (!opts.graphFile) recoverPendingWrites(dataLayout(opts.dataRoot));
  try {
    return { graph: loadServedGraph(opts), dataError: null };
  } catch (error) {
    const lastGood = dataLayout(opts.dataRoot).builtGraph;
    if (opts.graphFile || !(error instanceof DataError) || !existsSync(lastGood)) throw error;
    logger.error({ problems: error.issues.length }, "graph-data has problems; serving the last good build");
    return { graph: readGraphJson(lastGood), dataError: error.message };
  }
}

// Slow clients may not hold a connection open forever; a whole request (not its response) must arrive in time.
const HEADERS_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** Time limits for slow clients, and JSON bodies (not Node's bare status lines) for requests Node rejects itself. */
function guardConnections(server: Server): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket) => {
    if (!socket.writable || (error.code as string) === "ECONNRESET") {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
    const status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
    const message = tooLarge
      ? "request line and headers are larger than 16 KB; send shorter URLs or fewer headers"
      : "malformed HTTP request";
    // A HEAD answer has no body: a client would read one as the start of the next response.
    const isHead = error.rawPacket?.subarray(0, 5).toString("latin1") === "HEAD ";
    const body = isHead ? "" : JSON.stringify({ error: { code: "bad_request", message } });
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/** Starts the HTTP server; resolves once it is listening. */
export async function startServer(options: Partial<ServeOptions> = {}): Promise<RunningServer> {
  const opts = { ...DEFAULT_SERVE_OPTIONS, ...options };
  const { graph, dataError } = loadServedGraphOrLastGood(opts);
  const context: ServerContext = {
    store: new GraphStore(graph),
    dataRoot: opts.graphFile ? null : dataLayout(opts.dataRoot).root,
    readOnly: opts.readOnly,
  };
  if (dataError) context.store.setError(dataError);
  const stopWarming = warmQueryIndexes(context.store);
  const stopWrites = setupWrites(context, opts);
  const server = createServer(
    createRequestHandler(context, { ...opts.app, hosts: { boundHost: opts.host, allowedHosts: opts.allowedHosts } }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  guardConnections(server);
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const close = async () => {
    await stopWrites(); // saves a pending build file
    stopWarming();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  };
  return { server, url: `http://${host}:${address.port}`, context, close };
}
