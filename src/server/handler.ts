/**
 * Request handler: where every request goes, in order. The server (start.ts), the tests and the benchmarks all use it.
 *
 * Every request counts as an open reader of the served graph until its response closes (see the writer's recycling).
 *
 * 0. Host guard (hostGuard.ts): a Host the server does not answer to (421), or a write from a foreign Origin (403).
 * 1. Hot routes (hot/index.ts): GET/HEAD /api/paths and /api/search, answered on plain node:http.
 * 2. Everything else: the Express app (app.ts) — helmet, request logs, /api routes (routes/index.ts), the page,
 *    JSON errors.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Express } from "express";
import { createApp, DEFAULT_APP_OPTIONS, type AppOptions } from "./app.ts";
import type { ServerContext } from "./context.ts";
import { createHotDispatcher } from "./hot/index.ts";
import { createHostGuard, type HostGuardOptions } from "./hostGuard.ts";

/** Tunables of {@link createRequestHandler}: the app's, and the names the host guard accepts. */
export type RequestHandlerOptions = AppOptions & { hosts: Partial<HostGuardOptions> };

/** A node:http request listener serving the whole API and page; `app` is the Express part behind the hot routes. */
export type KgRequestHandler = RequestListener & { app: Express };

/** Builds the request handler serving `ctx`'s graph. */
export function createRequestHandler(
  ctx: ServerContext,
  options: Partial<RequestHandlerOptions> = {},
): KgRequestHandler {
  const { hosts = {}, ...appOptions } = options;
  const opts = { ...DEFAULT_APP_OPTIONS, ...appOptions };
  const app = createApp(ctx, opts);
  const guard = createHostGuard(hosts);
  const hot = createHotDispatcher(ctx, { requestLogs: opts.requestLogs, logger: opts.logger });
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    // A request may keep what it reads across awaits (a streamed export, a path query on a worker): until it ends, the
    // writer changes in place no graph it may have been given (ServedGraph.openReader).
    res.once("close", ctx.served.openReader());
    if (!guard(req, res) && !hot(req, res)) app(req, res);
  };
  return Object.assign(handler, { app });
}
