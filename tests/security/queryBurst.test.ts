/**
 * Query bursts: fifty heavy path queries at once (mode=all, maxHops=8, limit=1000) leave /api/health fast — heavy
 * queries run one per event-loop turn, the backlog is bounded and the rest get a JSON 503 with Retry-After — and no
 * answer grows past its size cap.
 */
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { createRequestHandler } from "../../src/server/handler.ts";
import { HeavyQueryQueue } from "../../src/server/heavyQueries.ts";
import { answerPaths } from "../../src/query/paths.ts";
import { explodingGraph, starGraph } from "./fixtures.ts";
import { graphView } from "../../src/query/servedView.ts";

const BURST = 50;
const HEAVY = "/api/paths?from=s&to=t&mode=all&maxHops=8&limit=1000";

const CLIENT = path.resolve("tests/security/burstClient.ts");

/** What the burst client saw: each health answer with how many heavy answers had come before it, every heavy answer. */
interface BurstReport {
  health: { status: number; heavyDoneBefore: number }[];
  answers: { status: number; type: string; retryAfter: string | null; code: string | null }[];
}

/** Runs the burst client against `port` in a child process. */
async function burst(port: number): Promise<BurstReport> {
  const child = spawn(process.execPath, ["--import", "tsx", CLIENT, String(port), HEAVY, String(BURST)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.once("exit", resolve));
  return JSON.parse(out) as BurstReport;
}

describe("HeavyQueryQueue", () => {
  it("runs queued tasks in order, one per turn, and refuses beyond the backlog with a 503 saying when to retry", async () => {
    const queue = new HeavyQueryQueue({ concurrency: 1, maxQueued: 2, retryAfterSeconds: 3 });
    const order: number[] = [];
    const runs = [1, 2, 3].map((n) => queue.run(() => order.push(n)));
    await expect(queue.run(() => 4)).rejects.toMatchObject({
      status: 503,
      code: "unavailable",
      headers: { "Retry-After": "3" },
    });
    await Promise.all(runs);
    expect(order).toEqual([1, 2, 3]);
    expect(queue.backlog).toBe(0);
  });

  it("keeps a task's place while its promise is pending, so no more than `concurrency` run at once", async () => {
    const queue = new HeavyQueryQueue({ concurrency: 2, maxQueued: 1 });
    const gates = [0, 1, 2].map(() => {
      let open = () => {};
      const promise = new Promise<void>((resolve) => (open = resolve));
      return { promise, resolve: open };
    });
    let running = 0;
    let most = 0;
    const runs = gates.map((gate, i) =>
      queue.run(async () => {
        running++;
        most = Math.max(most, running);
        await gate.promise;
        running--;
        return i;
      }),
    );
    await expect.poll(() => running).toBe(2);
    await expect(queue.run(() => 3)).rejects.toMatchObject({ status: 503 });
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(most).toBe(2);
  });

  it("passes a task's error on to its caller", async () => {
    const queue = new HeavyQueryQueue();
    await expect(queue.run(() => JSON.parse("{"))).rejects.toThrow(SyntaxError);
  });
});

describe("answer size cap", () => {
  it("drops the paths past the cap and says the answer is truncated", () => {
    const graph = starGraph(200);
    const query = { from: "p0", to: "p1", mode: "all", maxHops: "2", limit: "10" };
    const whole = answerPaths(graphView(graph), query);
    expect(whole.truncated).toBe(false);
    const capped = answerPaths(graphView(graph), query, { maxAnswerChars: 400 });
    expect(JSON.stringify(capped).length).toBeLessThanOrEqual(400);
    expect(capped.truncated).toBe(true);
  });
});

describe("a burst of heavy path queries", () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    const ctx = { served: new ServedGraph(explodingGraph(30)), dataRoot: null, readOnly: true };
    server = createServer(createRequestHandler(ctx, { requestLogs: false, webRoot: "/nonexistent" }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("keeps /api/health answering while it runs, and fails nothing but with a JSON 503 and Retry-After", async () => {
    const { health, answers } = await burst(port);
    expect(answers).toHaveLength(BURST);
    for (const answer of answers) {
      expect([200, 503]).toContain(answer.status);
      expect(answer.type).toMatch(/application\/json/);
      if (answer.status === 503) expect(answer).toMatchObject({ retryAfter: "1", code: "unavailable" });
    }
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
    // Health waits for the heavy query running, not for the burst: before the queue, every heavy answer came first.
    // (How long it waits is measured by the bench, not asserted here.)
    for (const h of health) expect(h.status).toBe(200);
    const served = answers.filter((a) => a.status === 200).length;
    expect(health[0].heavyDoneBefore).toBeLessThan(served);
  }, 60_000);
});
