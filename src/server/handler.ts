/**
 * Request handler: where every request goes, in order. The server (start.ts), the tests and the benchmarks all use it.
 *
 * Every request counts as an open reader of the served graph until its response closes (see the writer's recycling).
 *
 * 0. Host guard (hostGuard.ts): a Host the server does not answer to (421), or a write from a foreign Origin (403).
 * 1. Hot routes (hot/index.ts): GET/HEAD /api/paths and /api/search, answered on plain node:http.
 * 2. Everything else: the Express app (app.ts) — helmet, request logs, /api routes (routes/index.ts), the page,
 *    JSON errors. It is imported by the first request that reaches it, or by `loadApp` (startServer calls it once it
 *    listens), so that a server listens without loading Express; requests that come before it is loaded wait for it.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Express } from "express";
import { errorAnswer, HttpError } from "../query/errors.ts";
import { lazyImport } from "../util/lazyImport.ts";
import { DEFAULT_APP_OPTIONS, type AppOptions } from "./appOptions.ts";
import type { ServerContext } from "./context.ts";
import { createHotDispatcher } from "./hot/index.ts";
import { createHostGuard, type HostGuardOptions } from "./hostGuard.ts";
import { writeJsonAnswer } from "./jsonAnswer.ts";

/** Tunables of {@link createRequestHandler}: the app's, and the names the host guard accepts. */
export type RequestHandlerOptions = AppOptions & { hosts: Partial<HostGuardOptions> };

/**
 * A node:http request listener serving the whole API and page; `loadApp` imports and builds the Express part behind
 * the hot routes (once; rejected, and tried again on the next call or request, when it cannot be imported).
 */
export type KgRequestHandler = RequestListener & { loadApp: () => Promise<Express> };

/** Builds the request handler serving `ctx`'s graph. */
export function createRequestHandler(
  ctx: ServerContext,
  options: Partial<RequestHandlerOptions> = {},
): KgRequestHandler {
  const { hosts = {}, ...appOptions } = options;
  const opts = { ...DEFAULT_APP_OPTIONS, ...appOptions };
  let app: Express | null = null;
  const loadApp = lazyImport(
    () => import("./app.ts").then(({ createApp }) => (app = createApp(ctx, opts))),
    (error) =>
      new HttpError(
        503,
        "unavailable",
        `the server's routes cannot be loaded (${error.message}); check the server's install ("npm install") and restart it`,
      ),
  );
  const guard = createHostGuard(hosts);
  const hot = createHotDispatcher(ctx, { requestLogs: opts.requestLogs, logger: opts.logger });
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    // A request may keep what it reads across awaits (a streamed export, a path query on a worker): until it ends, the
    // writer changes in place no graph it may have been given (ServedGraph.openReader).
    res.once("close", ctx.served.openReader());
    if (guard(req, res) || hot(req, res)) return;
    if (app) app(req, res);
    else
      loadApp().then(
        (loaded) => loaded(req, res),
        (error: unknown) => answerUnavailable(req, res, error),
      );
  };
  return Object.assign(handler, { loadApp });
}

/** The JSON error a request gets when the Express app cannot be loaded, with the headers every answer has. */
function answerUnavailable(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  const { status, body, headers } = errorAnswer(error, (req.url ?? "").split("?")[0]!);
  writeJsonAnswer(res, req.method, status, body, headers);
}
