import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { buildGraph } from "../../src/graph/build.ts";
import { HEALTH_ENDPOINT, GRAPH_ENDPOINT } from "../../src/server/api/endpoints.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { expectDocumented, expectError, serveForTest, type TestServer } from "./apiFixture.ts";

describe("the API", () => {
  let graph: KnowledgeGraph;
  let api: TestServer;
  beforeAll(async () => {
    graph = buildGraph().graph;
    api = await serveForTest(graph, null);
  });
  afterAll(() => api.close());

  it("answers GET /api/health with the size of the graph", async () => {
    const res = await request(api.server).get("/api/health");
    expectDocumented(res, HEALTH_ENDPOINT, 200);
    expect(res.body).toMatchObject({ status: "ok", nodes: graph.order, edges: graph.size });
  });

  it("answers GET /api/graph with the graphology export", async () => {
    const res = await request(api.server).get("/api/graph");
    expectDocumented(res, GRAPH_ENDPOINT, 200);
    expect(res.body.nodes).toHaveLength(graph.order);
    expect(res.body.edges).toHaveLength(graph.size);
  });

  it("answers 404 in JSON for an unknown endpoint", async () => {
    expectError(await request(api.server).get("/api/pathz"), 404, "not_found", /no such endpoint: GET \/api\/pathz/);
  });

  it("answers 400 to a malformed JSON body", async () => {
    const res = await request(api.server).post("/api/paths").set("content-type", "application/json").send("{ from: ");
    expectError(res, 400, "bad_request", /not valid JSON/);
  });

  it("answers 413 to an oversized body", async () => {
    const body = JSON.stringify({ text: "x".repeat(3 * 1024 * 1024) });
    const res = await request(api.server).post("/api/search").set("content-type", "application/json").send(body);
    expectError(res, 413, "payload_too_large", /larger than the \d+ byte limit/);
  });

  it("serves a replaced graph from the next request on", async () => {
    const smaller = graph.copy();
    smaller.dropNode("antony-blinken");
    api.context.served.replace(smaller);
    const res = await request(api.server).get("/api/paths").query({ from: "antony-blinken", to: "nato" });
    expect(res.status).toBe(404);
    api.context.served.replace(graph);
    expect((await request(api.server).get("/api/paths").query({ from: "antony-blinken", to: "nato" })).status).toBe(
      200,
    );
  });
});
