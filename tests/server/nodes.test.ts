import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { buildGraph } from "../../src/graph/build.ts";
import { NEIGHBORS_ENDPOINT } from "../../src/server/api/endpoints.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { expectDocumented, expectError, serveForTest, type TestServer } from "./apiFixture.ts";

describe("GET /api/nodes", () => {
  let api: TestServer;
  let graph: KnowledgeGraph;
  beforeAll(async () => {
    graph = buildGraph().graph;
    api = await serveForTest(graph, null);
  });
  afterAll(() => api.close());

  it("has no node detail of its own: that is GET /api/graph/nodes/:id", async () => {
    const res = await request(api.server).get("/api/nodes/mykhailo-podolyak");
    expectError(res, 404, "not_found", /no such endpoint/);
  });

  describe("/:id/neighbors", () => {
    it("answers the direct neighbours and the relations between them at depth 1", async () => {
      const res = await request(api.server).get("/api/nodes/antony-blinken/neighbors");
      expectDocumented(res, NEIGHBORS_ENDPOINT, 200);
      const ids = res.body.nodes.map((n: { id: string }) => n.id).sort();
      expect(ids).toEqual([...graph.neighbors("antony-blinken"), "antony-blinken"].sort());
      const inside = new Set(ids);
      for (const edge of res.body.edges) {
        expect(inside.has(edge.source) && inside.has(edge.target)).toBe(true);
      }
      expect(res.body.edges.length).toBeGreaterThanOrEqual(graph.degree("antony-blinken"));
      expect(res.body.truncated).toBe(false);
    });

    it("grows with depth and marks each node with its distance", async () => {
      const one = await request(api.server).get("/api/nodes/antony-blinken/neighbors?depth=1");
      const two = await request(api.server).get("/api/nodes/antony-blinken/neighbors?depth=2");
      expect(two.body.nodes.length).toBeGreaterThan(one.body.nodes.length);
      expect(Math.max(...two.body.nodes.map((n: { depth: number }) => n.depth))).toBe(2);
    });

    it("stops at limit nodes and says truncated", async () => {
      const res = await request(api.server).get("/api/nodes/ukraine/neighbors?depth=3&limit=5");
      expect(res.body.nodes).toHaveLength(5);
      expect(res.body.truncated).toBe(true);
    });

    it.each(["depth=0", "depth=4", "depth=deep", "limit=0", "radius=2"])("answers 400 to ?%s", async (query) => {
      const res = await request(api.server).get(`/api/nodes/ukraine/neighbors?${query}`);
      expectError(res, 400, "bad_request", new RegExp(query.split("=")[0]));
      expectDocumented(res, NEIGHBORS_ENDPOINT, 400);
    });

    it("answers 404 for an unknown id", async () => {
      expectError(
        await request(api.server).get("/api/nodes/atlantis/neighbors"),
        404,
        "not_found",
        /unknown entity "atlantis"/,
      );
    });
  });
});
