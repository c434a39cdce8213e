import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { buildGraph } from "../../src/graph/build.ts";
import { DOCUMENT_ENDPOINT, DOCUMENT_LIST_ENDPOINT } from "../../src/server/api/endpoints.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { DEFAULT_DATA_ROOT } from "../../src/store/dataFiles.ts";
import { SEED_DOC } from "../helpers/tempData.ts";
import { expectDocumented, expectError, serveForTest, type TestServer } from "./apiFixture.ts";

describe("documents routes", () => {
  let graph: KnowledgeGraph;
  let api: TestServer;
  let standalone: TestServer;
  beforeAll(async () => {
    graph = buildGraph().graph;
    api = await serveForTest(graph, DEFAULT_DATA_ROOT);
    standalone = await serveForTest(graph, null);
  });
  afterAll(async () => {
    await api.close();
    await standalone.close();
  });

  describe("GET /api/documents/:id", () => {
    it("answers the text and metadata, in which every evidence span of the graph can be found", async () => {
      const res = await request(api.server).get(`/api/documents/${SEED_DOC}`);
      expectDocumented(res, DOCUMENT_ENDPOINT, 200);
      expect(res.body.meta).toMatchObject({ id: SEED_DOC, title: expect.any(String), author: "Daniel DePetris" });
      expect(res.body.length).toBe(res.body.text.length);
      let checked = 0;
      graph.forEachEdge((_edge, attributes) => {
        for (const evidence of attributes.evidence) {
          if (evidence.doc !== SEED_DOC) continue;
          expect(res.body.text.slice(evidence.start, evidence.end)).toBe(evidence.quote);
          checked++;
        }
      });
      expect(checked).toBeGreaterThan(10);
    });

    it("answers 404 naming an unknown document", async () => {
      const res = await request(api.server).get("/api/documents/no-such-doc");
      expectError(res, 404, "not_found", /no document "no-such-doc"/);
      expectDocumented(res, DOCUMENT_ENDPOINT, 404);
    });

    it.each(["..%2Fentities.yaml", "..%2F..%2Fpackage.json", "%2Fetc%2Fpasswd", "UPPER", ".hidden"])(
      "answers 400 to the id %s and reads nothing outside documents/",
      async (id) => {
        const res = await request(api.server).get(`/api/documents/${id}`);
        expectError(res, 400, "bad_request", /id: use lower-case letters/);
        expectDocumented(res, DOCUMENT_ENDPOINT, 400);
      },
    );

    it("answers 404 explaining why when the server serves a standalone graph file", async () => {
      const res = await request(standalone.server).get(`/api/documents/${SEED_DOC}`);
      expectError(res, 404, "not_found", /serves a standalone graph file; serve a graph-data folder/);
    });
  });

  describe("GET /api/documents", () => {
    it("names the graph and lists every document it is built from, with its metadata", async () => {
      const res = await request(api.server).get("/api/documents");
      expectDocumented(res, DOCUMENT_LIST_ENDPOINT, 200);
      expect(res.body.name).toBe(graph.getAttribute("name"));
      const listed = graph.getAttribute("documents") as { id: string }[];
      expect(res.body.documents.map((d: { id: string }) => d.id)).toEqual(listed.map((d) => d.id));
      const seed = res.body.documents.find((d: { id: string }) => d.id === SEED_DOC);
      const meta = (await request(api.server).get(`/api/documents/${SEED_DOC}`)).body.meta;
      const day = (graph.getAttribute("documents") as { id: string; date: string; dateSource: string }[]).find(
        (d) => d.id === SEED_DOC,
      )!;
      expect(seed).toEqual({
        id: SEED_DOC,
        title: meta.title,
        date: day.date,
        dateSource: day.dateSource,
        author: meta.author,
        outlet: meta.outlet,
        ...(meta.published ? { published: meta.published } : {}),
        genre: meta.genre,
      });
    });

    it("lists the titles and days the graph holds when the server serves a standalone graph file", async () => {
      const res = await request(standalone.server).get("/api/documents");
      expectDocumented(res, DOCUMENT_LIST_ENDPOINT, 200);
      const seed = res.body.documents.find((d: { id: string }) => d.id === SEED_DOC);
      expect(Object.keys(seed).sort()).toEqual(["date", "dateSource", "id", "title"]);
      expect(seed.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });
});
