/**
 * Hot routes: GET/HEAD /api/paths and /api/search on plain node:http before Express, with the same answer functions.
 * Why, and which requests fall through to Express: the README, "Hot routes".
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import querystring from "node:querystring";
import type { Logger } from "pino";
import { logger as processLogger } from "../../util/logger.ts";
import type { ServerContext } from "../context.ts";
import { errorAnswer } from "../../query/errors.ts";
import { answerSearch } from "../../query/search.ts";
import { answerPathsQueued } from "../queuedPaths.ts";
import { answerViewOf } from "../answerView.ts";
import { writeJsonAnswer } from "../jsonAnswer.ts";
import { logRequest } from "./requestLog.ts";

/** A hot route: the whole answer from the parsed query string (or a promise of it, for queued queries; a Buffer is
 * JSON already serialised), or a thrown HttpError. */
export type HotAnswer = (ctx: ServerContext, rawQuery: unknown) => unknown;

/** Answers the request and returns true, or returns false (having touched nothing) for Express to handle it. */
export type HotDispatcher = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Tunables of {@link createHotDispatcher}. */
export interface HotOptions {
  /** Log one line per request. */
  requestLogs: boolean;
  /** Where the request lines go. */
  logger: Logger;
}

export const DEFAULT_HOT_OPTIONS: HotOptions = { requestLogs: true, logger: processLogger };

// Characters for which Express' URL parser (parseurl) leaves its fast path and reads the URL differently.
const UNUSUAL_URL = /[\s#\u00a0\ufeff]/;

/** The hot routes by exact path. */
export function hotRoutes(): Map<string, HotAnswer> {
  return new Map<string, HotAnswer>([
    ["/api/paths", answerPathsQueued],
    ["/api/search", (ctx, rawQuery) => answerSearch(answerViewOf(ctx), rawQuery)],
  ]);
}

/** Builds the dispatcher answering the hot routes of `ctx`'s graph. */
export function createHotDispatcher(ctx: ServerContext, options: Partial<HotOptions> = {}): HotDispatcher {
  const { requestLogs, logger } = { ...DEFAULT_HOT_OPTIONS, ...options };
  const routes = hotRoutes();
  return (req, res) => {
    const { method, url = "" } = req;
    if (method !== "GET" && method !== "HEAD") return false;
    const mark = url.indexOf("?");
    const path = mark === -1 ? url : url.slice(0, mark);
    const answer = routes.get(path);
    if (!answer || UNUSUAL_URL.test(url) || hasBody(req)) return false;
    const startedAt = requestLogs ? Date.now() : 0;
    const write = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      // No ETag (Express hashes every body): the answer is computed per request anyway, so a 304 would save bytes on
      // the wire but none of the work, and hashing a typical 1.5 KB answer costs ~10 µs, a tenth of the request.
      writeJsonAnswer(res, method, status, body, headers);
      if (requestLogs) logRequest(logger, method, url, status, startedAt);
    };
    const fail = (error: unknown) => {
      const { status, body, headers } = errorAnswer(error, path);
      write(status, body, headers);
    };
    let body: unknown;
    try {
      body = answer(ctx, querystring.parse(mark === -1 ? "" : url.slice(mark + 1)));
    } catch (error) {
      fail(error);
      return true;
    }
    if (body instanceof Promise) body.then((value) => write(200, value), fail);
    else write(200, body);
    return true;
  };
}

/**
 * Whether the request announces a body, even an empty one (Express' body parser would look at it, as type-is does).
 * Reads rawHeaders: Node builds `req.headers` lazily, and building it costs more than this whole check.
 */
function hasBody(req: IncomingMessage): boolean {
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    if (name.length === 14 || name.length === 17) {
      const lower = name.toLowerCase();
      if (lower === "content-length" || lower === "transfer-encoding") return true;
    }
  }
  return false;
}
