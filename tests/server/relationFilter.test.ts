/**
 * Time window and support on the API: since, until and minSupport filter the relations of /api/paths, /api/triples,
 * /api/graph and /api/export alike; bad values answer 400 naming the parameter; detail answers carry support.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { GRAPH_EDGE_ENDPOINT, PATHS_ENDPOINT, TRIPLES_ENDPOINT } from "../../src/server/api/endpoints.ts";
import { DATED_DOCUMENTS, datedGraph } from "../helpers/datedGraph.ts";
import { expectDocumented, expectError, serveForTest, type TestServer } from "./apiFixture.ts";

type Hop = { id: string };

describe("since, until and minSupport", () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await serveForTest(datedGraph(), null);
  });
  afterAll(() => api.close());

  const get = (path: string, query: Record<string, string | number>) => request(api.server).get(path).query(query);
  const pathEdges = async (query: Record<string, string | number>) => {
    const res = await get("/api/paths", { from: "a", to: "c", k: 2, ...query });
    expectDocumented(res, PATHS_ENDPOINT, 200);
    return (res.body.paths as { edges: Hop[] }[]).map((p) => p.edges.map((e) => e.id).join(" "));
  };

  describe("GET /api/paths", () => {
    it("walks both routes without a filter", async () => {
      expect((await pathEdges({})).sort()).toEqual(["ab bc", "ad dc"]);
    });

    it("walks only relations stated within the window", async () => {
      // a→b is stated in January and February only.
      expect(await pathEdges({ since: "2022-03-01" })).toEqual(["ad dc"]);
      // February holds a→b and d→c but neither b→c nor a→d: no route is left, and that is a 200 with no paths.
      expect(await pathEdges({ since: "2022-02-01", until: "2022-02-28" })).toEqual([]);
    });

    it("walks only relations stated by at least minSupport documents", async () => {
      expect(await pathEdges({ minSupport: 2 })).toEqual(["ad dc"]);
    });
  });

  describe("GET /api/triples", () => {
    const ids = async (query: Record<string, string | number>) => {
      const res = await get("/api/triples", query);
      expectDocumented(res, TRIPLES_ENDPOINT, 200);
      expect(res.body.total).toBe(res.body.triples.length);
      return (res.body.triples as Hop[]).map((t) => t.id);
    };

    it("keeps the relations in the window and with enough support", async () => {
      expect(await ids({ until: "2022-01-31" })).toEqual(["ab", "ad", "dc"]);
      expect(await ids({ since: "2022-03-01", minSupport: 2 })).toEqual(["ad", "dc"]);
      expect(await ids({ subject: "b", since: "2022-03-01" })).toEqual(["bc"]);
    });

    it("shows each relation's support and first and last report", async () => {
      const res = await get("/api/triples", { subject: "d" });
      expect(res.body.triples[0]).toMatchObject({
        id: "dc",
        support: 3,
        firstReported: "2022-01-10",
        lastReported: "2022-03-20",
      });
    });
  });

  describe("GET /api/graph", () => {
    it("exports only the relations left and the nodes they or dated documents justify", async () => {
      const res = await get("/api/graph", { minSupport: 3 });
      expect(res.status).toBe(200);
      expect(res.body.edges.map((e: { key: string }) => e.key)).toEqual(["dc"]);
      expect(res.body.nodes.map((n: { key: string }) => n.key).sort()).toEqual(["c", "d"]);
    });

    it("filters the drawing payload too, and tags each window with its own ETag", async () => {
      const all = await get("/api/graph", { view: "draw" });
      const march = await get("/api/graph", { view: "draw", since: "2022-03-01" });
      expect(march.body.edges.key).toEqual(["bc", "ad", "dc"]);
      expect(all.body.edges.key).toHaveLength(5);
      expect(march.headers.etag).not.toBe(all.headers.etag);
    });
  });

  describe("GET /api/export", () => {
    it("writes only the relations left, with their support as a column", async () => {
      const res = await get("/api/export", { format: "csv", part: "edges", since: "2022-03-01", minSupport: 2 });
      expect(res.status).toBe(200);
      const [header, ...rows] = res.text.trim().split("\n");
      expect(header.split(",")).toEqual(expect.arrayContaining(["support", "firstReported", "lastReported"]));
      expect(rows.map((row) => row.split(",")[0])).toEqual(["ad", "dc"]);
    });
  });

  describe("detail answers", () => {
    it("carry support and first and last report on an edge and on a node's relations", async () => {
      const edge = await request(api.server).get("/api/graph/edges/ab");
      expectDocumented(edge, GRAPH_EDGE_ENDPOINT, 200);
      expect(edge.body.attributes).toMatchObject({
        support: 2,
        firstReported: "2022-01-10",
        lastReported: "2022-02-15",
      });
      expect(edge.body.documents).toEqual(DATED_DOCUMENTS.filter((d) => d.id === "d1" || d.id === "d2"));
      const undated = await request(api.server).get("/api/graph/edges/ce");
      expect(undated.body.documents).toEqual([{ id: "d4", title: "Undated" }]);
      const node = await request(api.server).get("/api/graph/nodes/e");
      expect(node.body.edges[0].attributes.support).toBe(1);
      expect(node.body.edges[0].attributes).not.toHaveProperty("firstReported");
    });
  });

  describe("bad values", () => {
    const ROUTES = ["/api/paths", "/api/triples", "/api/graph", "/api/export"];
    const BASE: Record<string, Record<string, string>> = {
      "/api/paths": { from: "a", to: "c" },
      "/api/export": { format: "json" },
    };
    const CASES: [string, Record<string, string>, RegExp][] = [
      ["since", { since: "2022-3-1" }, /since must be a day written YYYY-MM-DD/],
      ["since", { since: "2022-02-30" }, /since is not a calendar date/],
      ["until", { until: "yesterday" }, /until must be a day written YYYY-MM-DD/],
      ["until", { since: "2022-03-01", until: "2022-02-01" }, /until \(2022-02-01\) is before since \(2022-03-01\)/],
      ["minSupport", { minSupport: "0" }, /minSupport must be a whole number from 1/],
      ["minSupport", { minSupport: "1.5" }, /minSupport must be a whole number from 1/],
    ];

    for (const route of ROUTES)
      it(`answers 400 naming the parameter on ${route}`, async () => {
        for (const [param, query, message] of CASES) {
          const res = await get(route, { ...BASE[route], ...query });
          expectError(res, 400, "bad_request", message);
          expect(res.body.error.message).toMatch(new RegExp(`^invalid query: ${param}: `));
          expect(res.body.error.problems).toEqual([expect.objectContaining({ field: param })]);
        }
      });

    it("refuses dynamic outside GEXF", async () => {
      expectError(
        await get("/api/export", { format: "json", dynamic: "true" }),
        400,
        "bad_request",
        /dynamic only applies to format=gexf/,
      );
    });
  });
});
