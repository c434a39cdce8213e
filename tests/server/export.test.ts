import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import request from "supertest";
import { strFromU8, unzipSync } from "fflate";
import { MultiDirectedGraph } from "graphology";
import { readCsvGraph } from "../../src/import/csv.ts";
import { readGexf } from "../../src/import/gexf.ts";
import { readGraphml } from "../../src/import/graphml.ts";
import { findPaths } from "../../src/paths/index.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { seedGraph } from "../export/fixtures.ts";
import { validateGexf, validationUnavailable } from "../export/gexfKit.ts";
import { expectError, serveForTest, type TestServer } from "./apiFixture.ts";

const NO_VALIDATION = validationUnavailable();

/** supertest parser that keeps the raw bytes of any response. */
function binary(response: unknown, done: (error: Error | null, body: Buffer) => void) {
  const res = response as NodeJS.ReadableStream;
  const parts: Buffer[] = [];
  res.on("data", (chunk: Buffer) => parts.push(chunk));
  res.on("end", () => done(null, Buffer.concat(parts)));
}

describe("GET /api/export", () => {
  let graph: KnowledgeGraph;
  let test: TestServer;
  const get = (query: string) => request(test.server).get(`/api/export?${query}`).buffer(true).parse(binary);

  beforeAll(async () => {
    graph = seedGraph();
    test = await serveForTest(graph, null);
  });
  afterAll(() => test.close());

  describe("formats", () => {
    it("sends GEXF as a named download that re-imports to the served graph", async () => {
      const res = await get("format=gexf");
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("application/gexf+xml; charset=utf-8");
      expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="?evidence-graph\.gexf"?$/);
      const text = (res.body as Buffer).toString("utf8");
      expect(readGexf(text, "api.gexf").export().edges).toEqual(graph.export().edges);
      if (!NO_VALIDATION) expect(validateGexf(text).valid).toBe(true);
    });

    it("answers HEAD with the download's headers and no body", async () => {
      const res = await request(test.server).head("/api/export?format=gexf");
      expect(res.status).toBe(200);
      expect(res.headers["content-disposition"]).toMatch(/evidence-graph\.gexf/);
      expect(res.headers["content-length"] ?? "0").toBe("0");
    });

    it("sends GraphML and JSON that re-import to the served graph", async () => {
      const graphml = await get("format=graphml");
      expect(graphml.headers["content-disposition"]).toMatch(/filename="?evidence-graph\.graphml"?$/);
      expect(readGraphml((graphml.body as Buffer).toString("utf8"), "api.graphml").export().nodes).toEqual(
        graph.export().nodes,
      );
      const json = await get("format=json");
      expect(JSON.parse((json.body as Buffer).toString("utf8"))).toEqual(graph.export());
    });

    it("sends CSV as a zip of both files, or one file with part", async () => {
      const zip = await get("format=csv");
      expect(zip.headers["content-type"]).toBe("application/zip");
      const files = unzipSync(new Uint8Array(zip.body as Buffer));
      const back = readCsvGraph(
        strFromU8(files["evidence-graph-nodes.csv"]),
        strFromU8(files["evidence-graph-edges.csv"]),
        "api",
      );
      expect(back.export().edges).toEqual(graph.export().edges);
      const nodes = await get("format=csv&part=nodes");
      expect(nodes.headers["content-type"]).toMatch(/^text\/csv/);
      expect(nodes.headers["content-disposition"]).toMatch(/filename="?evidence-graph-nodes\.csv"?$/);
      expect((nodes.body as Buffer).toString("utf8").split("\r\n")[0]).toMatch(/^Id,Label,type,/);
    });
  });

  describe("subsets", () => {
    const exported = async (query: string) =>
      JSON.parse(((await get(`format=json&${query}`)).body as Buffer).toString("utf8")) as ReturnType<
        KnowledgeGraph["export"]
      >;

    it("keeps only the asked entity types and the relations between them", async () => {
      const data = await exported("types=person,country");
      expect(data.nodes.length).toBe(graph.filterNodes((_n, a) => ["person", "country"].includes(a.type)).length);
      expect(data.nodes.every((n) => ["person", "country"].includes(n.attributes!.type))).toBe(true);
      const keys = new Set(data.nodes.map((n) => n.key));
      expect(data.edges.every((e) => keys.has(e.source) && keys.has(e.target))).toBe(true);
    });

    it("keeps only the asked predicates and the entities they connect", async () => {
      const data = await exported("predicates=opposes");
      expect(data.edges.length).toBe(graph.filterEdges((_e, a) => a.predicate === "opposes").length);
      const ends = new Set(data.edges.flatMap((e) => [e.source, e.target]));
      expect(data.nodes.map((n) => n.key).sort()).toEqual([...ends].sort());
    });

    it("exports an ego graph: the entity and everything within depth hops", async () => {
      const data = await exported("node=Blinken&depth=1");
      expect(data.nodes.map((n) => n.key).sort()).toEqual(
        ["antony-blinken", ...graph.neighbors("antony-blinken")].sort(),
      );
      const two = await exported("node=antony-blinken&depth=2");
      expect(two.nodes.length).toBeGreaterThan(data.nodes.length);
    });

    it("exports the k shortest paths between two entities", async () => {
      const data = await exported("from=mykhailo-podolyak&to=nato&k=2");
      const search = findPaths(graph, "mykhailo-podolyak", "nato", { k: 2 });
      expect(search.paths.length).toBeGreaterThan(0);
      expect(data.edges.map((e) => e.key).sort()).toEqual(
        [...new Set(search.paths.flatMap((p) => p.edges.map((e) => e.id)))].sort(),
      );
      expect(data.nodes.map((n) => n.key)).toContain("nato");
    });
  });

  describe("bad requests", () => {
    it.each([
      ["", /format: use one of gexf, graphml, json, csv/],
      ["format=xml", /format: use one of/],
      ["format=gexf&part=nodes", /part: part only applies to format=csv/],
      ["format=csv&part=both", /part: use one of zip, nodes, edges/],
      ["format=json&types=martian", /entity types are person/],
      ["format=json&from=ukraine", /to: a path export needs both from and to/],
      ["format=json&node=ukraine&depth=9", /depth: /],
      ["format=json&depth=2", /depth applies to an ego graph/],
      ["format=json&node=ukraine&from=nato&to=russia", /not both/],
      ["format=json&predicates=opposse", /no relation uses "opposse"; predicates in the graph: .*opposes/],
      ["format=json&verbose=1", /Unrecognized key/i],
    ])("answers 400 to %s, naming the problem", async (query, message) => {
      const res = await request(test.server).get(`/api/export?${query}`);
      expectError(res, 400, "bad_request", message);
    });

    it("answers 404 with suggestions for an unknown entity", async () => {
      const res = await request(test.server).get("/api/export?format=gexf&node=Blinkenn");
      expectError(res, 404, "not_found", /node "Blinkenn" is not an entity/);
    });
  });

  describe("large graphs", () => {
    it("keeps answering other requests while a download of a large graph is stalled", async () => {
      const big: KnowledgeGraph = new MultiDirectedGraph();
      const node = { ...graph.getNodeAttributes("ukraine"), aliases: [], documents: [], description: "" };
      const edge = { ...graph.getEdgeAttributes(graph.edges()[0]), evidence: [] };
      for (let i = 0; i < 20_000; i++) big.addNode(`n${i}`, { ...node, label: `N${i}` });
      for (let i = 1; i < 20_000; i++) big.addDirectedEdgeWithKey(`e${i}`, `n${i - 1}`, `n${i}`, edge);
      const server = await serveForTest(big, null);
      const { port } = server.server.address() as AddressInfo;
      try {
        const response = await new Promise<IncomingMessage>((resolve, reject) =>
          http.get(`http://127.0.0.1:${port}/api/export?format=gexf`, resolve).once("error", reject),
        );
        // Read one chunk, then stop reading: the server must hold the rest back, not buffer or block on it.
        const first = await new Promise<Buffer>((resolve) => response.once("data", resolve));
        response.pause();
        let ended = false;
        response.once("end", () => (ended = true));
        const health = await request(server.server).get("/api/health");
        expect(health.status).toBe(200);
        expect(health.body.nodes).toBe(20_000);
        expect(ended).toBe(false);
        const parts: Buffer[] = [first];
        response.on("data", (chunk: Buffer) => parts.push(chunk));
        response.resume();
        await new Promise((resolve) => response.once("end", resolve));
        const text = Buffer.concat(parts).toString("utf8");
        expect(text.match(/<node id=/g)?.length).toBe(20_000);
        expect(text.endsWith("</gexf>\n")).toBe(true);
      } finally {
        await server.close();
      }
    });
  });
});
