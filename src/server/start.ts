/**
 * Server start-up: loads (building if stale) the graph, listens, and shuts down gracefully on SIGTERM/SIGINT.
 */
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dataFilesOf } from "../store/dataFiles.ts";
import { lazyImport } from "../util/lazyImport.ts";
import { logger } from "../util/logger.ts";
import type { AppOptions } from "./appOptions.ts";
import { createRequestHandler } from "./handler.ts";
import { DEFAULT_HOST_GUARD_OPTIONS } from "./hostGuard.ts";
import { warmQueryIndexes, type WarmFirst } from "../query/warm.ts";
import { readStartSnapshot, seedServedIndexes, snapshotTargetOf, type SeedOutcome } from "../query/servedSnapshot.ts";
import type { SnapshotRefusal } from "../snapshot/index.ts";
import { cachedPathIndex } from "../paths/index.ts";
import { cachedSearchIndex } from "../search/index.ts";
import { snapshotView } from "../query/snapshotView.ts";
import { buildInBackground, type BackgroundGraph } from "./backgroundGraph.ts";
import { SnapshotWriter, writeStartSnapshot } from "./snapshotWriter.ts";
import { ServedGraph } from "../graph/servedGraph.ts";
import type { ServerContext } from "./context.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import type { ErrorCode } from "../query/errors.ts";
import { loadWrites, setupWrites } from "./lazyWrites.ts";
import { recoverPendingWrites } from "../store/transaction.ts";
import type { Extractor } from "../ingest/types.ts";
import { defaultPathWorkers, PathWorkerPool } from "./pathWorkers/pool.ts";
import type { OverviewOptions } from "../query/overview.ts";
import { openReplica, type ReplicaOptions } from "./replica.ts";

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
  /** Write endpoints' bearer token (`kg serve` reads KG_TOKEN or --token-file); needed beyond loopback; never logged. */
  token: string | null;
  /** Extractor for ingests; src/extract's pipeline when null. */
  extractor: Extractor | null;
  /** Reload the served graph when graph-data/ changes on disk. */
  watch: boolean;
  /**
   * Let POST /api/documents fetch pages from loopback, private, link-local, unique-local and CGNAT addresses. Off:
   * anyone who may write could otherwise make the server read its own network (cloud metadata, internal services).
   */
  allowPrivateFetch: boolean;
  /** Limits on slow clients. */
  timeouts: Partial<ConnectionTimeouts>;
  /**
   * Worker threads answering heavy path queries (mode=all) off the event loop; 0 answers them on it, one per turn.
   * See the README, "Query bursts".
   */
  pathWorkers: number;
  /** The largest graph the page draws in full (a larger one opens on its overview) and the overview's limits. */
  draw: Partial<OverviewOptions>;
  /**
   * Start on the graph's snapshot when a valid one is there: listen once it is read, answer paths, search, node
   * detail and neighbours from it and build the graphology graph in the background; the other routes wait for it
   * (README, "Served snapshot"). Off by default so that embedders and tests find `context.served.graph` there when
   * startServer resolves; `kg serve` turns it on.
   */
  startOnSnapshot: boolean;
  /**
   * Serve this snapshot file alone, as a read replica (README, "Read replicas"): no graph-data/ or graph file; a new
   * snapshot put at the path is picked up. Needs {@link ServeOptions.readOnly}.
   */
  snapshotFile: string | null;
  /** How a read replica watches and checks its file. */
  replica: Partial<ReplicaOptions>;
  /** With {@link ServeOptions.startOnSnapshot}: the background build waits for this first (tests hold it). */
  graphBuildGate: Promise<void> | null;
  /** Each background snapshot write waits for this first (tests hold it). */
  snapshotWriteGate: Promise<void> | null;
  app: Partial<AppOptions>;
}

export const DEFAULT_SERVE_OPTIONS: ServeOptions = {
  port: 3000,
  host: "127.0.0.1",
  allowedHosts: DEFAULT_HOST_GUARD_OPTIONS.allowedHosts,
  graphFile: null,
  dataRoot: undefined,
  readOnly: false,
  token: null,
  extractor: null,
  watch: true,
  allowPrivateFetch: false,
  timeouts: {},
  pathWorkers: defaultPathWorkers(),
  draw: {},
  startOnSnapshot: false,
  snapshotFile: null,
  replica: {},
  graphBuildGate: null,
  snapshotWriteGate: null,
  app: {},
};

/** A running server. */
export interface RunningServer {
  server: Server;
  url: string;
  context: ServerContext;
  close: () => Promise<void>;
}

/** Reading a graph file or graph-data/ at start (./startGraph.ts), imported only when no snapshot is served. */
const startGraph = lazyImport(
  () => import("./startGraph.ts"),
  (error) => new Error(`server: the graph loader cannot be loaded (${error.message}); run "npm install" and restart`),
);

// Slow clients may not hold a connection open forever; a whole request (not its response) must arrive in time.
const HEADERS_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** Time limits on slow clients: headers, the whole request, and how often Node checks them. */
export interface ConnectionTimeouts {
  /** The request line and headers must arrive within this. */
  headersMs: number;
  /** The whole request (headers and body) must arrive within this. */
  requestMs: number;
  /** How often open connections are checked against the two limits; a limit may be overrun by up to this much. */
  checkIntervalMs: number;
}

export const DEFAULT_CONNECTION_TIMEOUTS: ConnectionTimeouts = {
  headersMs: HEADERS_TIMEOUT_MS,
  requestMs: REQUEST_TIMEOUT_MS,
  // Node checks every 30 s by default, which let a slow client hold on for up to 45 s past the 15 s headers limit.
  checkIntervalMs: 1_000,
};

/** A node:http server whose slow clients are cut at `timeouts` (Node's options, set before it starts). */
export function createGuardedServer(handler: RequestListener, timeouts: Partial<ConnectionTimeouts> = {}): Server {
  const { headersMs, requestMs, checkIntervalMs } = { ...DEFAULT_CONNECTION_TIMEOUTS, ...timeouts };
  const server = createServer(
    { headersTimeout: headersMs, requestTimeout: requestMs, connectionsCheckingInterval: checkIntervalMs },
    handler,
  );
  guardConnections(server, { headersMs, requestMs });
  return server;
}

/** JSON bodies (not Node's bare status lines) for requests Node rejects itself: malformed, too large, too slow. */
function guardConnections(server: Server, limits: Pick<ConnectionTimeouts, "headersMs" | "requestMs">): void {
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket) => {
    // A response already under way (a slow body read by a route that has answered) cannot take a second one.
    const answering = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
    if (!socket.writable || answering || (error.code as string) === "ECONNRESET") {
      socket.destroy();
      return;
    }
    const { status, code, message } = clientErrorAnswer(error.code, limits);
    // A HEAD answer has no body: a client would read one as the start of the next response.
    const isHead = error.rawPacket?.subarray(0, 5).toString("latin1") === "HEAD ";
    const body = isHead ? "" : JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/** The status line, error code and message for an error Node raises before a request reaches the handler. */
function clientErrorAnswer(
  code: string | undefined,
  limits: Pick<ConnectionTimeouts, "headersMs" | "requestMs">,
): { status: string; code: ErrorCode; message: string } {
  if (code === "HPE_HEADER_OVERFLOW")
    return {
      status: "431 Request Header Fields Too Large",
      code: "bad_request",
      message: "request line and headers are larger than 16 KB; send shorter URLs or fewer headers",
    };
  if (code === "ERR_HTTP_REQUEST_TIMEOUT")
    return {
      status: "408 Request Timeout",
      code: "timeout",
      message: `the request did not arrive in time (headers within ${limits.headersMs / 1000} s, the whole request within ${limits.requestMs / 1000} s); send it faster`,
    };
  return { status: "400 Bad Request", code: "bad_request", message: "malformed HTTP request" };
}

/** Starts the HTTP server; resolves once it is listening. */
export async function startServer(options: Partial<ServeOptions> = {}): Promise<RunningServer> {
  const opts = { ...DEFAULT_SERVE_OPTIONS, ...options };
  if (opts.snapshotFile && !opts.readOnly)
    throw new Error(
      "read replica: a server on a snapshot file alone takes no writes; set readOnly (kg serve --read-only)",
    );
  const replica = opts.snapshotFile ? await openReplica(opts.snapshotFile, opts.replica) : null;
  // A write cut short by a crash is finished or discarded before anything is read.
  if (!opts.graphFile && !replica) recoverPendingWrites(dataFilesOf(opts.dataRoot));
  const early = opts.startOnSnapshot && !replica ? readStartSnapshot(opts) : null;
  const loaded = early?.type === "ok" || replica ? null : (await startGraph()).loadServedGraphOrLastGood(opts);
  const context: ServerContext = {
    served: new ServedGraph(loaded?.graph ?? null),
    ...(early?.type === "ok" ? { snapshotView: snapshotView(early.snapshot) } : {}),
    dataRoot: opts.graphFile || replica ? null : dataFilesOf(opts.dataRoot).root,
    readOnly: opts.readOnly,
    fetch: { allowPrivate: opts.allowPrivateFetch },
    draw: opts.draw,
  };
  const snapshots = (context.snapshots = new SnapshotWriter(context.served, { gate: opts.snapshotWriteGate }));
  if (loaded?.dataError) context.served.setError(loaded.dataError);
  let stopServing: (() => Promise<void>) | null = null;
  let background: BackgroundGraph | null = null;
  let writeSnapshot = () => {};
  // A graph built in the background waits for the server to listen, and for the write set-up to load, before it is
  // built: what runs once it is served (serveGraph) is then at hand, and none of it delays listening.
  let listened = () => {};
  const listening = new Promise<void>((resolve) => (listened = resolve));
  const buildGate = () => listening.then(() => Promise.all([loadWrites(), opts.graphBuildGate])).then(() => undefined);
  if (loaded) {
    // The snapshot seeds the path and search indexes the warm-up would build; a refused one is written afresh once
    // the server listens, in the background.
    const snapshot = snapshotTargetOf(loaded.graph, opts);
    const refused = early?.type === "refused" ? early : null;
    const seeded = refused ? alreadyRefused(loaded.graph, refused) : seedServedIndexes(loaded.graph, snapshot);
    await loadWrites();
    stopServing = serveGraph(context, opts);
    if (snapshot && seeded.type === "refused")
      writeSnapshot = () => writeStartSnapshot(snapshots, loaded.graph, snapshot, opts);
  } else if (replica) {
    const onFirstGraph = () => (stopServing = serveGraph(context, opts, "sliced"));
    background = replica.serve(context, { gate: buildGate(), onFirstGraph });
  } else if (early?.type === "ok") {
    background = buildInBackground(context, early.snapshot, early.target.file, {
      gate: buildGate(),
      onReady: () => (stopServing = serveGraph(context, opts, "sliced")),
    });
  }
  const closeSnapshot = () => (early?.type === "ok" ? early.snapshot.close() : replica?.close());
  const handler = createRequestHandler(context, {
    ...opts.app,
    hosts: { boundHost: opts.host, allowedHosts: opts.allowedHosts },
  });
  const server = createGuardedServer(handler, opts.timeouts);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  }).catch(async (error: unknown) => {
    await background?.stop();
    await snapshots.stop();
    closeSnapshot();
    throw error;
  });
  // The Express routes load once the server listens (a request that comes first waits for them); one that cannot be
  // loaded is tried again by the next request, which answers 503 meanwhile.
  handler.loadApp().catch((error: Error) => logger.warn(error.message));
  // Started once listening, so their threads do not compete with the start; a request cannot come in before this
  // line, and one that finds the workers still loading waits for them in the pool's queue.
  if (opts.pathWorkers > 0) context.pathWorkers = new PathWorkerPool({ size: opts.pathWorkers });
  listened();
  writeSnapshot();
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const close = async () => {
    // A snapshot write under way is abandoned first (its temporary file removed): a slow or failed save of the build
    // file must not keep it running, and the save then starts none (the next start writes the snapshot).
    await snapshots.stop();
    try {
      await background?.stop();
      await stopServing?.(); // saves a pending build file
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      closeSnapshot();
      await context.pathWorkers?.close();
    }
  };
  return { server, url: `http://${host}:${address.port}`, context, close };
}

/**
 * The seeding outcome of a graph loaded after its snapshot was refused at start: the refusal (not read twice), unless
 * its indexes are already built.
 */
function alreadyRefused(graph: KnowledgeGraph, refusal: SnapshotRefusal): SeedOutcome {
  return cachedPathIndex(graph) && cachedSearchIndex(graph) ? { type: "built" } : refusal;
}

/**
 * Warms the served graph's indexes (in slices once the server listens) and sets up writes; returns what stops both
 * (saving a pending build file).
 */
function serveGraph(context: ServerContext, opts: ServeOptions, first: WarmFirst = "now"): () => Promise<void> {
  const stopWarming = warmQueryIndexes(context.served, { draw: opts.draw, first });
  const stopWrites = setupWrites(context, opts);
  return async () => {
    await stopWrites();
    stopWarming();
  };
}
