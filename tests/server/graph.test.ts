/**
 * GET /api/graph (full and drawing views, ETags) and GET /api/graph/nodes/:id, /api/graph/edges/:id on the seed graph.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { GRAPH_EDGE_ENDPOINT, GRAPH_ENDPOINT, GRAPH_NODE_ENDPOINT } from "../../src/server/api/endpoints.ts";
import type { DrawGraph } from "../../src/query/graphViews.ts";
import { expectDocumented, expectError, serveForTest, type TestServer } from "./apiFixture.ts";

describe("graph routes", () => {
  let api: TestServer;
  let graph: KnowledgeGraph;
  beforeAll(async () => {
    graph = buildGraph().graph;
    api = await serveForTest(graph, null);
  });
  afterAll(() => api.close());

  describe("GET /api/graph", () => {
    it("refuses an unknown view or parameter with a message naming the choices", async () => {
      expectError(
        await request(api.server).get("/api/graph?view=tiny"),
        400,
        "bad_request",
        /view must be full .* or draw/,
      );
      expectError(await request(api.server).get("/api/graph?nodes=1"), 400, "bad_request", /nodes/);
    });

    it("answers the graphology export by default, every attribute included", async () => {
      const res = await request(api.server).get("/api/graph");
      expectDocumented(res, GRAPH_ENDPOINT, 200);
      expect(res.body.nodes).toHaveLength(graph.order);
      const edge = res.body.edges.find((e: { key: string }) => e.key === "podolyak-negotiates-for-ukraine");
      expect(edge.attributes.evidence[0].quote).toContain("Kyiv’s lead negotiator");
    });

    it("streams the export byte for byte as graphology serializes it, and a HEAD without a body", async () => {
      const res = await request(api.server).get("/api/graph");
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.text).toBe(JSON.stringify(graph.export()));
      const head = await request(api.server).head("/api/graph");
      expect(head.status).toBe(200);
      expect(head.headers.etag).toBe(res.headers.etag);
      expect(head.text ?? "").toBe("");
    });

    it("answers view=draw with every node and edge, at the same keys and positions as the full graph", async () => {
      const res = await request(api.server).get("/api/graph?view=draw");
      expectDocumented(res, GRAPH_ENDPOINT, 200);
      const draw = res.body as DrawGraph;
      expect(draw.view).toBe("draw");
      expect(draw.nodes.key).toEqual(graph.nodes());
      draw.nodes.key.forEach((key, i) => {
        const a = graph.getNodeAttributes(key);
        expect({
          label: draw.nodes.label[i],
          ...draw.nodeKinds[draw.nodes.kind[i]],
          x: draw.nodes.x[i],
          y: draw.nodes.y[i],
          size: draw.nodes.size[i],
        }).toEqual({ label: a.label, type: a.type, color: a.color, x: a.x, y: a.y, size: a.size });
        expect(draw.nodes.aliases[i] ?? []).toEqual(a.aliases);
      });
      expect(draw.edges.key).toEqual(graph.edges());
      draw.edges.key.forEach((key, i) => {
        const a = graph.getEdgeAttributes(key);
        expect(draw.nodes.key[draw.edges.source[i]]).toBe(graph.source(key));
        expect(draw.nodes.key[draw.edges.target[i]]).toBe(graph.target(key));
        expect(draw.edgeKinds[draw.edges.kind[i]]).toEqual({
          predicate: a.predicate,
          label: a.label,
          status: a.status,
          kind: a.kind,
          modality: a.modality,
          stance: a.stance,
        });
        expect(draw.edges.confidence[i]).toBe(a.confidence);
      });
    });

    it("leaves evidence, descriptions and documents out of the drawing payload, which is much smaller", async () => {
      const full = await request(api.server).get("/api/graph");
      const draw = await request(api.server).get("/api/graph?view=draw");
      expect(draw.text).not.toContain("Kyiv’s lead negotiator");
      expect(draw.text).not.toContain('"evidence"');
      expect(draw.text.length * 3).toBeLessThan(full.text.length);
    });

    it("tags each view and graph version, and answers 304 to a client that has the current one", async () => {
      const full = await request(api.server).get("/api/graph");
      const draw = await request(api.server).get("/api/graph?view=draw");
      expect(full.headers["cache-control"]).toBe("no-cache");
      expect(full.headers.etag).toBeTruthy();
      expect(draw.headers.etag).not.toBe(full.headers.etag);
      const again = await request(api.server).get("/api/graph?view=draw").set("If-None-Match", draw.headers.etag);
      expect(again.status).toBe(304);
      expect(again.text).toBeFalsy();
    });

    it("serves a replaced graph under a new tag, so a client's old copy is not revalidated", async () => {
      const before = await request(api.server).get("/api/graph?view=draw");
      const smaller = graph.copy();
      smaller.dropNode("mykhailo-podolyak");
      api.context.served.replace(smaller);
      try {
        const after = await request(api.server).get("/api/graph?view=draw").set("If-None-Match", before.headers.etag);
        expect(after.status).toBe(200);
        expect(after.headers.etag).not.toBe(before.headers.etag);
        expect((after.body as DrawGraph).nodes.key).not.toContain("mykhailo-podolyak");
      } finally {
        api.context.served.replace(graph);
      }
    });
  });

  describe("GET /api/graph/nodes/:id", () => {
    it("answers a node with every attribute and each of its relations with its evidence", async () => {
      const res = await request(api.server).get("/api/graph/nodes/mykhailo-podolyak");
      expectDocumented(res, GRAPH_NODE_ENDPOINT, 200);
      expect(res.body.attributes).toEqual(graph.getNodeAttributes("mykhailo-podolyak"));
      expect(res.body.degree).toBe(graph.degree("mykhailo-podolyak"));
      expect(res.body.truncated).toBe(false);
      expect(res.body.edges.map((e: { key: string }) => e.key).sort()).toEqual(graph.edges("mykhailo-podolyak").sort());
      const negotiates = res.body.edges.find((e: { key: string }) => e.key === "podolyak-negotiates-for-ukraine");
      expect(negotiates).toMatchObject({ source: "mykhailo-podolyak", target: "ukraine" });
      expect(negotiates.attributes.evidence[0].quote).toContain("Kyiv’s lead negotiator");
    });

    it("lists at most limit relations and says the list is cut", async () => {
      const res = await request(api.server).get("/api/graph/nodes/ukraine?limit=2");
      expectDocumented(res, GRAPH_NODE_ENDPOINT, 200);
      expect(res.body.edges).toHaveLength(2);
      expect(res.body.degree).toBe(graph.degree("ukraine"));
      expect(res.body.truncated).toBe(true);
    });

    it("answers 404 for a key the graph does not have, and 400 for a bad limit", async () => {
      expectError(
        await request(api.server).get("/api/graph/nodes/nobody"),
        404,
        "not_found",
        /no node has the key "nobody"/,
      );
      expectError(await request(api.server).get("/api/graph/nodes/ukraine?limit=0"), 400, "bad_request", /limit/);
    });
  });

  describe("GET /api/graph/edges/:id", () => {
    it("answers a relation with its ends and every attribute", async () => {
      const res = await request(api.server).get("/api/graph/edges/podolyak-negotiates-for-ukraine");
      expectDocumented(res, GRAPH_EDGE_ENDPOINT, 200);
      expect(res.body).toEqual({
        key: "podolyak-negotiates-for-ukraine",
        source: "mykhailo-podolyak",
        target: "ukraine",
        attributes: graph.getEdgeAttributes("podolyak-negotiates-for-ukraine"),
        // The documents stating it, as the graph lists them (the seed: one, dated).
        documents: graph.getAttribute("documents")!.filter((d) => d.id === "000_fd914f920b6354d3"),
      });
      expect(res.body.documents).toHaveLength(res.body.attributes.support);
    });

    it("answers 404 for an edge key the graph does not have", async () => {
      expectError(await request(api.server).get("/api/graph/edges/ukraine"), 404, "not_found", /no edge has the key/);
    });
  });
});
