/**
 * Request log lines: one per request — method, URL, status, milliseconds — shaped like pino-http's, whichever of
 * the hot dispatcher or Express answered; never headers (they may carry tokens).
 */
import type { Logger } from "pino";

let lastRequestId = 0;

/** The next request id; Express' pino-http and the hot dispatcher share the counter so ids stay unique. */
export function nextRequestId(): number {
  lastRequestId = lastRequestId === Number.MAX_SAFE_INTEGER ? 1 : lastRequestId + 1;
  return lastRequestId;
}

/** Serializers pino-http uses for its lines: the same `req` and `res` fields the hot dispatcher writes. */
export const REQUEST_LOG_SERIALIZERS = {
  req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

/** Writes the line pino-http writes when a response finishes. */
export function logRequest(logger: Logger, method: string, url: string, status: number, startedAt: number): void {
  logger.info(
    {
      reqId: nextRequestId(),
      req: { method, url },
      res: { statusCode: status },
      responseTime: Date.now() - startedAt,
    },
    status >= 500 ? "request errored" : "request completed",
  );
}
