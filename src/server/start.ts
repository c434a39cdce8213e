/**
 * Server start-up: loads (building if stale) the graph, listens, and shuts down gracefully on SIGTERM/SIGINT.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buildToFile, isBuildStale } from "../build/build.ts";
import { readGraphJson } from "../build/graphFile.ts";
import { dataLayout } from "../store/layout.ts";
import { logger } from "../util/logger.ts";
import { createApp, type AppOptions } from "./app.ts";
import { GraphStore } from "./graphStore.ts";
import type { ServerContext } from "./context.ts";
import type { KnowledgeGraph } from "../model/types.ts";

/** Tunables of {@link startServer}. */
export interface ServeOptions {
  port: number;
  host: string;
  /** A graph file to serve instead of graph-data/ (graphology JSON). */
  graphFile: string | null;
  /** graph-data root. */
  dataRoot: string | undefined;
  readOnly: boolean;
  app: Partial<AppOptions>;
}

export const DEFAULT_SERVE_OPTIONS: ServeOptions = {
  port: Number(process.env.PORT ?? 3000),
  host: process.env.HOST ?? "127.0.0.1",
  graphFile: null,
  dataRoot: undefined,
  readOnly: false,
  app: {},
};

/** A running server. */
export interface RunningServer {
  server: Server;
  url: string;
  context: ServerContext;
  close: () => Promise<void>;
}

/** Loads the graph to serve: the given file, or graph-data/'s build (rebuilt first when stale). */
export function loadServedGraph(options: Pick<ServeOptions, "graphFile" | "dataRoot">): KnowledgeGraph {
  if (options.graphFile) return readGraphJson(options.graphFile);
  const layout = dataLayout(options.dataRoot);
  if (isBuildStale(layout.builtGraph, options.dataRoot)) {
    logger.info("graph-data changed since the last build; rebuilding");
    return buildToFile(undefined, { root: options.dataRoot }).graph;
  }
  return readGraphJson(layout.builtGraph);
}

/** Starts the HTTP server; resolves once it is listening. */
export async function startServer(options: Partial<ServeOptions> = {}): Promise<RunningServer> {
  const opts = { ...DEFAULT_SERVE_OPTIONS, ...options };
  const graph = loadServedGraph(opts);
  const context: ServerContext = {
    store: new GraphStore(graph),
    dataRoot: opts.graphFile ? null : dataLayout(opts.dataRoot).root,
    readOnly: opts.readOnly,
  };
  const app = createApp(context, opts.app);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port, opts.host, () => resolve(s));
    s.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  return { server, url: `http://${host}:${address.port}`, context, close };
}
