/**
 * Slow clients: headers that trickle in and bodies that never finish are cut at their limits (15 s and 30 s by
 * default, checked every second rather than Node's 30 s) with a JSON 408, not a bare 400 much later.
 */
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createGuardedServer, DEFAULT_CONNECTION_TIMEOUTS } from "../../src/server/start.ts";

const LIMITS = { headersMs: 300, requestMs: 600, checkIntervalMs: 50 };
/** Far below the 40 s and 54 s at which Node cuts slow headers and bodies on its own. */
const WELL_BEFORE_NODE_CUTS_MS = 4_500;

/** Writes `head` on a raw connection, then waits for whatever the server answers; the answer and how long it took. */
function stall(server: Server, head: string): Promise<{ answer: string; ms: number }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, "127.0.0.1", () => socket.write(head));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("close", () => resolve({ answer, ms: Date.now() - started }));
    socket.on("error", reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer within 10 s")));
  });
}

function bodyOf(answer: string): unknown {
  return JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
}

describe("slow clients", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  async function listen(): Promise<Server> {
    // The handler reads the whole body before answering, as the JSON body parser does.
    server = createGuardedServer((req, res) => {
      req.resume();
      req.on("end", () => res.end("{}"));
    }, LIMITS);
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return server;
  }

  it("uses the documented limits by default, checked every second", () => {
    expect(DEFAULT_CONNECTION_TIMEOUTS).toEqual({ headersMs: 15_000, requestMs: 30_000, checkIntervalMs: 1_000 });
    const guarded = createGuardedServer(() => undefined);
    expect(guarded.headersTimeout).toBe(15_000);
    expect(guarded.requestTimeout).toBe(30_000);
  });

  it("cuts headers that never finish at the headers limit with a JSON 408", async () => {
    const { answer, ms } = await stall(await listen(), "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1");
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(answer).toContain("Content-Type: application/json");
    expect(bodyOf(answer)).toMatchObject({ error: { code: "timeout" } });
    expect(ms).toBeGreaterThanOrEqual(LIMITS.headersMs - 50);
    // Node alone would cut it after about 40 s; the bound is wide so that a loaded machine does not fail it.
    expect(ms).toBeLessThan(WELL_BEFORE_NODE_CUTS_MS);
  });

  it("cuts a body that never finishes at the request limit with a JSON 408", async () => {
    const head = "POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
    const { answer, ms } = await stall(await listen(), `${head}Content-Length: 100\r\n\r\n{"title":`);
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(bodyOf(answer)).toMatchObject({ error: { code: "timeout" } });
    expect(ms).toBeLessThan(WELL_BEFORE_NODE_CUTS_MS);
  });
});
