/**
 * Express app: security headers, logging, body limits, the /api routes, the web page, and JSON errors. It answers
 * every request the hot routes (hot/index.ts) pass on; handler.ts puts the two together, loading this module (and
 * Express with it) only once the server listens.
 */
import express, { type Express } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { existsSync } from "node:fs";
import { DEFAULT_APP_OPTIONS, type AppOptions } from "./appOptions.ts";
import type { ServerContext } from "./context.ts";
import { HttpError } from "../query/errors.ts";
import { errorHandler, notFoundHandler } from "./errors.ts";
import { graphGate } from "./graphGate.ts";
import { nextRequestId, REQUEST_LOG_SERIALIZERS } from "./hot/requestLog.ts";
import { API_ROUTES } from "./routes/index.ts";
import { HELMET_OPTIONS } from "./securityHeaders.ts";

export { DEFAULT_APP_OPTIONS, type AppOptions } from "./appOptions.ts";

/** Builds the Express app serving `ctx`'s graph. */
export function createApp(ctx: ServerContext, options: Partial<AppOptions> = {}): Express {
  const { jsonLimit, webRoot, requestLogs, logger: requestLogger } = { ...DEFAULT_APP_OPTIONS, ...options };
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use(helmet(HELMET_OPTIONS));
  if (requestLogs) {
    app.use(
      pinoHttp({
        logger: requestLogger,
        quietReqLogger: true,
        serializers: REQUEST_LOG_SERIALIZERS,
        genReqId: nextRequestId,
      }),
    );
  }
  // Express would answer OPTIONS itself with a text list of methods; this API answers JSON and grants no CORS.
  app.use((req, _res, next) => next(req.method === "OPTIONS" ? optionsRefused() : undefined));
  app.use("/api", express.json({ limit: jsonLimit, strict: true }));
  app.use("/api", graphGate(ctx));
  for (const routes of API_ROUTES) app.use("/api", routes(ctx));
  app.use("/api", notFoundHandler);
  if (existsSync(webRoot)) app.use(express.static(webRoot, { index: "index.html", maxAge: "1h" }));
  // Whatever neither the API nor the page has: a JSON 404 like the API's, not Express' HTML one.
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

function optionsRefused(): HttpError {
  return new HttpError(
    405,
    "method_not_allowed",
    "OPTIONS is not answered: this API grants no cross-origin access; call it from its own page or without a browser",
  );
}
