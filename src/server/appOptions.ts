/**
 * The Express app's tunables, apart from the app itself (app.ts) so that what reads them before the app is loaded
 * (the request handler's hot routes) does not load Express.
 */
import type { Logger } from "pino";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { logger } from "../util/logger.ts";

/** Tunables of the Express app (createApp in ./app.ts). */
export interface AppOptions {
  /** Largest accepted JSON body. */
  jsonLimit: string;
  /** Folder of the built web page (Vite output); not served when missing. */
  webRoot: string;
  /** Log one line per request. */
  requestLogs: boolean;
  /** Where the request lines go. */
  logger: Logger;
}

export const DEFAULT_APP_OPTIONS: AppOptions = {
  jsonLimit: "2mb",
  webRoot: path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist"),
  requestLogs: true,
  logger,
};
