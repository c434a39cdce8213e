/**
 * Test fixture for started servers: quiet options on 127.0.0.1, a gate a background step waits for, and a GET's
 * status and body.
 */
import request from "supertest";
import type { RunningServer, ServeOptions } from "../../src/server/start.ts";

/** A server on a free port of 127.0.0.1 without watch, path workers, request logs or the web page. */
export const QUIET: Partial<ServeOptions> = {
  port: 0,
  host: "127.0.0.1",
  watch: false,
  pathWorkers: 0,
  app: { requestLogs: false, webRoot: "/nonexistent" },
};

/** A gate a background step (the graph's build, a snapshot write) waits for, and the function that opens it. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** The status and parsed body of `GET url`. */
export async function body(server: RunningServer, url: string): Promise<{ status: number; body: unknown }> {
  const res = await request(server.url).get(url);
  return { status: res.status, body: res.body };
}
