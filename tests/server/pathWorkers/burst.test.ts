/**
 * Heavy path queries over HTTP with path workers: a burst of them is answered 200 with the body answerPaths gives in
 * process or a JSON 503 with Retry-After, and nothing else, while /api/health keeps answering; a query whose worker
 * is lost gets a JSON 503; workers that cannot start leave the queries to the event loop; and closing the server
 * stops its workers.
 */
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServedGraph } from "../../../src/graph/servedGraph.ts";
import { writeGraphJson } from "../../../src/graphfile/graphFile.ts";
import type { KnowledgeGraph } from "../../../src/model/types.ts";
import { answerPaths, preparePaths } from "../../../src/query/paths.ts";
import type { ServerContext } from "../../../src/server/context.ts";
import { createRequestHandler } from "../../../src/server/handler.ts";
import { PathWorkerPool } from "../../../src/server/pathWorkers/pool.ts";
import { startServer } from "../../../src/server/start.ts";
import { explodingGraph } from "../../security/fixtures.ts";
import { HEAVY_QUERY, HEAVY_URL, layeredGraph } from "./fixtures.ts";
import { graphView } from "../../../src/query/servedView.ts";

const BURST = 50;
// Answers cut by the limit and the size cap only, never by the clock: each one is the same every time.
const NO_BUDGET = { timeBudgetMs: 600_000 };

interface Reply {
  status: number;
  type: string;
  retryAfter: string | null;
  body: string;
}

/** GET `url` on a connection of its own (so a burst really is that many requests at once). */
function get(port: number, url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: url, agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers["content-type"] ?? "",
          retryAfter: (res.headers["retry-after"] as string | undefined) ?? null,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** A server of `graph` whose heavy path queries go to `workers`. */
async function serve(graph: KnowledgeGraph, workers: PathWorkerPool): Promise<{ server: Server; port: number }> {
  const ctx: ServerContext = {
    served: new ServedGraph(graph),
    dataRoot: null,
    readOnly: true,
    pathWorkers: workers,
    pathsAnswer: NO_BUDGET,
  };
  const server = createServer(createRequestHandler(ctx, { requestLogs: false, webRoot: "/nonexistent" }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function expectRetryLater(reply: Reply): void {
  expect(reply.status).toBe(503);
  expect(reply.type).toMatch(/^application\/json/);
  expect(reply.retryAfter).toBe("1");
  expect(JSON.parse(reply.body)).toMatchObject({ error: { code: "unavailable" } });
}

describe("heavy path queries on path workers", () => {
  const graph = layeredGraph();
  const expected = JSON.stringify(answerPaths(graphView(graph), HEAVY_QUERY, NO_BUDGET));
  let workers: PathWorkerPool;
  let server: Server;
  let port: number;
  beforeAll(async () => {
    workers = new PathWorkerPool({ size: 2 });
    ({ server, port } = await serve(graph, workers));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await workers.close();
  });

  it("answers a burst with the in-process answer or a JSON 503 with Retry-After, and health meanwhile", async () => {
    const burst = Array.from({ length: BURST }, () => get(port, HEAVY_URL));
    const health = await Promise.all(Array.from({ length: 10 }, () => get(port, "/api/health")));
    const replies = await Promise.all(burst);
    for (const reply of replies) {
      if (reply.status === 200) expect(reply.body).toBe(expected);
      else expectRetryLater(reply);
    }
    expect(replies.filter((reply) => reply.status === 200).length).toBeGreaterThan(0);
    expect(health.map((reply) => reply.status)).toEqual(Array(10).fill(200));
  });

  it("answers the same bytes through the Express route (a request announcing a body skips the hot route)", async () => {
    const reply = await get(port, HEAVY_URL, { "Content-Length": "0" });
    expect(reply.status).toBe(200);
    expect(reply.type).toBe("application/json; charset=utf-8");
    expect(reply.body).toBe(expected);
  });

  it("still answers a bad heavy query with its 400, before any worker sees it", async () => {
    const reply = await get(port, "/api/paths?from=s&to=t&mode=all&maxHops=99");
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: "bad_request" } });
  });
});

describe("a path worker lost mid-query", () => {
  it("costs that query a JSON 503 with Retry-After; the next query is answered by its replacement", async () => {
    const graph = explodingGraph(30);
    const workers = new PathWorkerPool({ size: 1 });
    const { server, port } = await serve(graph, workers);
    try {
      const lost = get(port, HEAVY_URL);
      await expect.poll(() => workers.running).toBe(1);
      const [worker] = workers.threads;
      await worker.terminate();
      expectRetryLater(await lost);
      expect(workers.threads).toHaveLength(1);
      expect(workers.threads[0]).not.toBe(worker);
      const light = await get(port, "/api/paths?from=s&to=t");
      expect(light.status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await workers.close();
    }
  });
});

describe("path workers that cannot start", () => {
  it("are given up on after a few tries, and heavy queries are answered on the event loop instead", async () => {
    const graph = layeredGraph(8);
    const workers = new PathWorkerPool({ size: 1, entry: new URL("./failingWorker.mjs", import.meta.url) });
    const { server, port } = await serve(graph, workers);
    try {
      await expect.poll(() => workers.available).toBe(false);
      await expect(workers.answer(graphView(graph), preparePaths(graphView(graph), HEAVY_QUERY))).rejects.toMatchObject(
        { status: 503 },
      );
      const reply = await get(port, HEAVY_URL);
      expect(reply.status).toBe(200);
      expect(reply.body).toBe(JSON.stringify(answerPaths(graphView(graph), HEAVY_QUERY, NO_BUDGET)));
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await workers.close();
    }
  });
});

describe("startServer with path workers", () => {
  it("answers heavy queries on its workers and stops them when it closes", async () => {
    const graphFile = path.join(mkdtempSync(path.join(os.tmpdir(), "kg-path-workers-")), "graph.json");
    writeGraphJson(layeredGraph(10), graphFile);
    const running = await startServer({
      port: 0,
      host: "127.0.0.1",
      graphFile,
      readOnly: true,
      watch: false,
      pathWorkers: 2,
      app: { requestLogs: false },
    });
    const threads = [...running.context.pathWorkers!.threads];
    expect(threads).toHaveLength(2);
    const exits = threads.map((thread) => once(thread, "exit"));
    try {
      const reply = await fetch(`${running.url}${HEAVY_URL}`);
      expect(reply.status).toBe(200);
      // Served with the default 150 ms budget, which a busy machine may cut short: the bytes are compared above, on
      // servers given no budget; here, that the answer is one of this graph's.
      const answer = (await reply.json()) as { from: { id: string }; paths: { hops: number; text: string }[] };
      expect(answer.from.id).toBe("s");
      expect(answer.paths.length).toBeGreaterThan(0);
      for (const found of answer.paths) expect(found.text).toMatch(/^S — negotiates_with → Alpha \d+ — .* → T$/);
    } finally {
      await running.close();
    }
    await Promise.all(exits);
    expect(threads.map((thread) => thread.threadId)).toEqual([-1, -1]);
  });
});
