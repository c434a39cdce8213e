import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { buildGraph } from "../../src/graph/build.ts";
import { PATHS_ENDPOINT } from "../../src/server/api/endpoints.ts";
import { randomGraph } from "../paths/fixtures.ts";
import { expectDocumented, expectError, serveForTest, type TestServer } from "./apiFixture.ts";

describe("GET /api/paths", () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await serveForTest(buildGraph().graph, null);
  });
  afterAll(() => api.close());

  const paths = (query: Record<string, string | number | boolean>) =>
    request(api.server).get("/api/paths").query(query);

  describe("on the seed graph", () => {
    it.each([
      ["Blinken", "Podolyak", "antony-blinken", "mykhailo-podolyak"],
      ["Israel", "Russia", "israel", "russia"],
      ["DePetris", "NATO", "daniel-depetris", "nato"],
    ])("connects %s to %s with evidence on every hop", async (from, to, fromId, toId) => {
      const res = await paths({ from, to, k: 3 });
      expectDocumented(res, PATHS_ENDPOINT, 200);
      expect(res.body.from.id).toBe(fromId);
      expect(res.body.to.id).toBe(toId);
      expect(res.body.paths.length).toBeGreaterThanOrEqual(1);
      for (const path of res.body.paths) {
        expect(path.nodes[0].id).toBe(fromId);
        expect(path.nodes.at(-1).id).toBe(toId);
        for (const edge of path.edges) expect(edge.evidence.length).toBeGreaterThan(0);
      }
    });

    it("reads the path as a sentence chain, with the arrow turned on a backward hop", async () => {
      const res = await paths({ from: "antony-blinken", to: "Mykhailo Podolyak" });
      expect(res.body.paths[0].text).toBe(
        "Antony Blinken — is skeptical of → Ukraine–Russia peace talks ← is positive about — Mykhailo Podolyak",
      );
      expect(res.body.paths[0].edges.map((e: { direction: string }) => e.direction)).toEqual(["forward", "backward"]);
    });

    it("orders k paths by hops, then by total confidence", async () => {
      const res = await paths({ from: "Blinken", to: "Podolyak", k: 5 });
      const order = res.body.paths.map((p: { hops: number; confidence: number }) => [p.hops, p.confidence]);
      expect(order.length).toBe(5);
      for (let i = 1; i < order.length; i++) {
        expect(order[i][0] > order[i - 1][0] || order[i][1] <= order[i - 1][1]).toBe(true);
      }
    });

    it("answers a zero-hop path for the same entity and [] with 200 when nothing is within maxHops", async () => {
      const same = await paths({ from: "Blinken", to: "antony-blinken" });
      expect(same.body.paths).toEqual([
        {
          hops: 0,
          confidence: 0,
          nodes: [{ id: "antony-blinken", label: "Antony Blinken", type: "person" }],
          edges: [],
          text: "Antony Blinken",
        },
      ]);
      const none = await paths({ from: "Blinken", to: "Podolyak", maxHops: 1 });
      expectDocumented(none, PATHS_ENDPOINT, 200);
      expect(none.body.paths).toEqual([]);
    });

    it("honours directed, predicates, exclude and minConfidence", async () => {
      const directed = await paths({ from: "Blinken", to: "Podolyak", directed: true });
      expect(directed.body.paths).toEqual([]);
      const only = await paths({ from: "Blinken", to: "Podolyak", k: 5, predicates: "skeptical_of,positive_about" });
      for (const path of only.body.paths)
        for (const edge of path.edges) expect(["skeptical_of", "positive_about"]).toContain(edge.predicate);
      const avoid = await paths({ from: "Blinken", to: "Podolyak", k: 3, exclude: "peace-talks" });
      for (const path of avoid.body.paths)
        expect(path.nodes.map((n: { id: string }) => n.id)).not.toContain("peace-talks");
      expect(avoid.body.paths.length).toBeGreaterThan(0);
      const strong = await paths({ from: "Blinken", to: "Podolyak", k: 5, minConfidence: 0.9 });
      for (const path of strong.body.paths)
        for (const edge of path.edges) expect(edge.confidence).toBeGreaterThanOrEqual(0.9);
    });

    it("enumerates all simple paths in mode=all and says when the limit cut them short", async () => {
      const res = await paths({ from: "Blinken", to: "Podolyak", mode: "all", maxHops: 4, limit: 3 });
      expectDocumented(res, PATHS_ENDPOINT, 200);
      expect(res.body.paths).toHaveLength(3);
      expect(res.body.truncated).toBe(true);
    });
  });

  describe("bad input", () => {
    it.each([
      [{ to: "Podolyak" }, /from is required/],
      [{ from: "Blinken" }, /to is required/],
      [{ from: "", to: "Podolyak" }, /from is required/],
      [{ from: "Blinken", to: "Podolyak", k: 0 }, /k must be a whole number from 1 to 20/],
      [{ from: "Blinken", to: "Podolyak", k: 21 }, /k must be a whole number from 1 to 20/],
      [{ from: "Blinken", to: "Podolyak", k: "two" }, /k must be a whole number/],
      [{ from: "Blinken", to: "Podolyak", k: 1.5 }, /k must be a whole number/],
      [{ from: "Blinken", to: "Podolyak", maxHops: 9 }, /maxHops must be a whole number from 1 to 8/],
      [{ from: "Blinken", to: "Podolyak", directed: "maybe" }, /directed must be true or false/],
      [{ from: "Blinken", to: "Podolyak", minConfidence: 1.5 }, /minConfidence must be a number from 0 to 1/],
      [{ from: "Blinken", to: "Podolyak", mode: "longest" }, /mode must be shortest or all/],
      [{ from: "Blinken", to: "Podolyak", limit: 0 }, /limit must be a whole number from 1 to 1000/],
      [{ from: "Blinken", to: "Podolyak", predicates: " , " }, /predicates: list at least one item/],
      [{ from: "Blinken", to: "Podolyak", maxhops: 3 }, /maxhops/],
      [{ from: "x".repeat(201), to: "Podolyak" }, /from must be at most 200 characters/],
    ])("answers 400 to %j", async (query, message) => {
      const res = await paths(query);
      expectError(res, 400, "bad_request", message);
      expectDocumented(res, PATHS_ENDPOINT, 400);
    });

    it("answers 400 to a repeated parameter", async () => {
      const res = await request(api.server).get("/api/paths?from=Blinken&from=Israel&to=Russia");
      expectError(res, 400, "bad_request", /from/);
    });

    it("answers 400 naming an unknown predicate and listing the known ones", async () => {
      const res = await paths({ from: "Blinken", to: "Podolyak", predicates: "skeptical_of,likes" });
      expectError(res, 400, "bad_request", /predicates: unknown predicate "likes"; the graph uses: .*skeptical_of/);
      expect(res.body.error.unknown).toEqual(["likes"]);
    });

    it("answers 404 with suggestions for an unknown entity", async () => {
      const res = await paths({ from: "Blinkn", to: "Podolyak" });
      expectError(res, 404, "not_found", /from: unknown entity "Blinkn" — did you mean "Antony Blinken"/);
      expectDocumented(res, PATHS_ENDPOINT, 404);
      expect(res.body.error.suggestions[0]).toMatchObject({ id: "antony-blinken" });
      const excluded = await paths({ from: "Blinken", to: "Podolyak", exclude: "nowhere-land" });
      expectError(excluded, 404, "not_found", /exclude: unknown entity "nowhere-land"/);
    });

    it("answers 409 with the candidates for an ambiguous name", async () => {
      const res = await paths({ from: "ukr", to: "Podolyak" });
      expectError(res, 409, "ambiguous", /from: "ukr" matches several entities equally well/);
      expectDocumented(res, PATHS_ENDPOINT, 409);
      expect(res.body.error.candidates.map((c: { id: string }) => c.id)).toContain("ukraine");
    });
  });

  describe("on a large dense graph", () => {
    let dense: TestServer;
    beforeAll(async () => {
      dense = await serveForTest(randomGraph(11, 60, 3000), null);
    });
    afterAll(() => dense.close());

    it("stops enumerating when the time budget is spent and says truncated", async () => {
      const res = await request(dense.server)
        .get("/api/paths")
        .query({ from: "n0", to: "n1", mode: "all", maxHops: 8, limit: 1000 });
      expectDocumented(res, PATHS_ENDPOINT, 200);
      expect(res.body.truncated).toBe(true);
      expect(res.body.paths.length).toBeGreaterThan(0);
    });
  });
});
