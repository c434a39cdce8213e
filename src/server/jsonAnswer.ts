/**
 * JSON answers written on plain node:http with the security headers every answer has: the hot routes' answers and
 * errors, and the request handler's 503 when the Express app cannot be loaded.
 */
import type { ServerResponse } from "node:http";
import { helmetHeaders } from "./securityHeaders.ts";

const JSON_TYPE = "application/json; charset=utf-8";
/** Flat [name, value, name, value, …], the cheapest form writeHead takes. */
const SECURITY = helmetHeaders().flat();

/**
 * Writes `body` as JSON with the security headers and `headers` (no body for HEAD). A Buffer is written as it is: an
 * answer a path worker already serialised, which stringifying again is what stalled the event loop.
 */
export function writeJsonAnswer(
  res: ServerResponse,
  method: string | undefined,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const extra = Object.entries(headers).flat();
  res.writeHead(status, [
    ...SECURITY,
    ...extra,
    "Content-Type",
    JSON_TYPE,
    "Content-Length",
    String(Buffer.byteLength(text)),
  ]);
  res.end(method === "HEAD" ? undefined : text);
}
