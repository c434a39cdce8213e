/**
 * Express app: security headers, logging, body limits, the /api routes, the web page, and JSON errors.
 */
import express, { type Express } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { logger } from "../util/logger.ts";
import type { ServerContext } from "./context.ts";
import { errorHandler, notFoundHandler } from "./errors.ts";
import { API_ROUTES } from "./routes/index.ts";

// One short line per request: method, URL, status; never headers (they may carry tokens).
const REQUEST_LOG_SERIALIZERS = {
  req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

/** Tunables of {@link createApp}. */
export interface AppOptions {
  /** Largest accepted JSON body. */
  jsonLimit: string;
  /** Folder of the built web page (Vite output); not served when missing. */
  webRoot: string;
  /** Log one line per request. */
  requestLogs: boolean;
}

export const DEFAULT_APP_OPTIONS: AppOptions = {
  jsonLimit: "2mb",
  webRoot: path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist"),
  requestLogs: true,
};

/** Builds the Express app serving `ctx`'s graph. */
export function createApp(ctx: ServerContext, options: Partial<AppOptions> = {}): Express {
  const { jsonLimit, webRoot, requestLogs } = { ...DEFAULT_APP_OPTIONS, ...options };
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          workerSrc: ["'self'", "blob:"],
          imgSrc: ["'self'", "data:", "blob:"],
          styleSrc: ["'self'"],
          connectSrc: ["'self'"],
          // The page ships its own fonts (or none); helmet's default would also allow any https: host.
          fontSrc: ["'self'", "data:"],
          // Served over plain HTTP on loopback: upgrading requests to HTTPS would break the page.
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: false,
    }),
  );
  if (requestLogs) app.use(pinoHttp({ logger, quietReqLogger: true, serializers: REQUEST_LOG_SERIALIZERS }));
  app.use("/api", express.json({ limit: jsonLimit, strict: true }));
  for (const routes of API_ROUTES) app.use("/api", routes(ctx));
  app.use("/api", notFoundHandler);
  if (existsSync(webRoot)) app.use(express.static(webRoot, { index: "index.html", maxAge: "1h" }));
  app.use(errorHandler);
  return app;
}
