/**
 * Path worker pool: heavy path queries answered on worker threads give the same bytes as answerPaths in process, a
 * replaced graph's index reaches the workers, a lost or hung worker costs its query a JSON 503 and is replaced, and
 * closing the pool stops its threads.
 */
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../../src/model/types.ts";
import { answerPaths, preparePaths } from "../../../src/query/paths.ts";
import { defaultPathWorkers, PathWorkerPool } from "../../../src/server/pathWorkers/pool.ts";
import { explodingGraph } from "../../security/fixtures.ts";
import { HEAVY_QUERY, layeredGraph } from "./fixtures.ts";
import { graphView } from "../../../src/query/servedView.ts";

// A budget no test run reaches: answers are cut by the limit and the size cap only, so they are the same every time.
const NO_BUDGET = { timeBudgetMs: 600_000 };

/** What answerPaths gives in process, serialised as the routes serialise it. */
function inProcess(graph: KnowledgeGraph, query: Record<string, string>): string {
  return JSON.stringify(answerPaths(graphView(graph), query, NO_BUDGET));
}

let pool: PathWorkerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe("defaultPathWorkers", () => {
  it("leaves a core to the event loop and uses at most two", () => {
    expect([1, 2, 3, 8].map((cores) => defaultPathWorkers(cores))).toEqual([1, 1, 2, 2]);
  });
});

describe("PathWorkerPool", () => {
  it("answers a heavy query with the bytes answerPaths gives in process", async () => {
    const graph = layeredGraph();
    pool = new PathWorkerPool({ size: 1 });
    const json = await pool.answer(graphView(graph), preparePaths(graphView(graph), HEAVY_QUERY, NO_BUDGET));
    const expected = inProcess(graph, HEAVY_QUERY);
    expect(json.toString("utf8")).toBe(expected);
    // The answer is a real one: cut at the size cap, with long paths in it.
    const answer = JSON.parse(expected) as { paths: { hops: number }[]; truncated: boolean };
    expect(answer.truncated).toBe(true);
    expect(answer.paths.length).toBeGreaterThan(100);
    expect(answer.paths[0].hops).toBe(3);
  });

  it("answers queries at once on every worker, each with its own answer", async () => {
    const graph = layeredGraph(12);
    pool = new PathWorkerPool({ size: 2 });
    const queries = ["a0", "a1", "b2", "t", "a3", "b4"].map((to) => ({ ...HEAVY_QUERY, to }));
    const answers = await Promise.all(
      queries.map((q) => pool!.answer(graphView(graph), preparePaths(graphView(graph), q, NO_BUDGET))),
    );
    expect(answers.map((json) => json.toString("utf8"))).toEqual(queries.map((q) => inProcess(graph, q)));
  });

  it("sends the index of a graph swapped in after a write, and answers on it", async () => {
    const before = layeredGraph(6);
    pool = new PathWorkerPool({ size: 1 });
    await pool.answer(graphView(before), preparePaths(graphView(before), HEAVY_QUERY, NO_BUDGET));
    const after = before.copy() as KnowledgeGraph;
    after.addEdgeWithKey("s-t", "s", "t", after.getEdgeAttributes("s-a0"));
    const json = await pool.answer(graphView(after), preparePaths(graphView(after), HEAVY_QUERY, NO_BUDGET));
    expect(json.toString("utf8")).toBe(inProcess(after, HEAVY_QUERY));
    expect((JSON.parse(json.toString("utf8")) as { paths: { hops: number }[] }).paths[0].hops).toBe(1);
  });

  it("answers a query whose worker is stopped mid-search with a 503 saying when to retry, and replaces the worker", async () => {
    const exploding = explodingGraph(30);
    pool = new PathWorkerPool({ size: 1, retryAfterSeconds: 2 });
    const [first] = pool.threads;
    const running = pool.answer(graphView(exploding), preparePaths(graphView(exploding), HEAVY_QUERY, NO_BUDGET));
    await expect.poll(() => pool!.running).toBe(1);
    await first.terminate();
    await expect(running).rejects.toMatchObject({ status: 503, code: "unavailable", headers: { "Retry-After": "2" } });
    expect(pool.threads).toHaveLength(1);
    expect(pool.threads[0]).not.toBe(first);
    const graph = layeredGraph(6);
    const json = await pool.answer(graphView(graph), preparePaths(graphView(graph), HEAVY_QUERY, NO_BUDGET));
    expect(json.toString("utf8")).toBe(inProcess(graph, HEAVY_QUERY));
  });

  it("replaces a worker that holds a query past the job timeout, answering that query 503", async () => {
    const exploding = explodingGraph(30);
    pool = new PathWorkerPool({ size: 1, jobTimeoutMs: 300 });
    const [first] = pool.threads;
    const stuck = pool.answer(graphView(exploding), preparePaths(graphView(exploding), HEAVY_QUERY, NO_BUDGET));
    await expect(stuck).rejects.toMatchObject({ status: 503, headers: { "Retry-After": "1" } });
    expect(pool.threads[0]).not.toBe(first);
  });

  it("stops its threads on close, and refuses queries waiting or sent afterwards with a 503", async () => {
    const graph = explodingGraph(30);
    pool = new PathWorkerPool({ size: 1 });
    const threads = [...pool.threads];
    const exits = threads.map((thread) => once(thread, "exit"));
    const query = preparePaths(graphView(graph), HEAVY_QUERY, NO_BUDGET);
    const refused = [pool.answer(graphView(graph), query), pool.answer(graphView(graph), query)].map((answer) =>
      expect(answer).rejects.toMatchObject({ status: 503 }),
    );
    await pool.close();
    await Promise.all(exits);
    expect(threads.map((thread) => thread.threadId)).toEqual([-1]);
    await Promise.all(refused);
    await expect(pool.answer(graphView(graph), query)).rejects.toMatchObject({ status: 503 });
    expect(pool.threads).toEqual([]);
  });
});
