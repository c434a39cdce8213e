/**
 * Request handler: where every request goes, in order. The server (start.ts), the tests and the benchmarks all use it.
 *
 * 1. Hot routes (hot/index.ts): GET/HEAD /api/paths and /api/search, answered on plain node:http.
 * 2. Everything else: the Express app (app.ts) — helmet, request logs, /api routes (routes/index.ts), the page,
 *    JSON errors.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Express } from "express";
import { createApp, DEFAULT_APP_OPTIONS, type AppOptions } from "./app.ts";
import type { ServerContext } from "./context.ts";
import { createHotDispatcher } from "./hot/index.ts";

/** A node:http request listener serving the whole API and page; `app` is the Express part behind the hot routes. */
export type KgRequestHandler = RequestListener & { app: Express };

/** Builds the request handler serving `ctx`'s graph. */
export function createRequestHandler(ctx: ServerContext, options: Partial<AppOptions> = {}): KgRequestHandler {
  const opts = { ...DEFAULT_APP_OPTIONS, ...options };
  const app = createApp(ctx, opts);
  const hot = createHotDispatcher(ctx, { requestLogs: opts.requestLogs, logger: opts.logger });
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (!hot(req, res)) app(req, res);
  };
  return Object.assign(handler, { app });
}
