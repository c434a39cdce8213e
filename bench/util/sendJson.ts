/**
 * JSON answers of the bench's bare node:http baselines: the body and the two headers, nothing else.
 */
import type { ServerResponse } from "node:http";

/** Answers `status` with `body` as JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}
