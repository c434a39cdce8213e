import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { buildGraph } from "../../src/graph/build.ts";
import { TRIPLES_ENDPOINT } from "../../src/server/api/endpoints.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { expectDocumented, expectError, serveForTest, type TestServer } from "./apiFixture.ts";

type Triple = { id: string; subject: { id: string }; predicate: string; object: { id: string }; evidence: unknown[] };

describe("GET /api/triples", () => {
  let api: TestServer;
  let graph: KnowledgeGraph;
  beforeAll(async () => {
    graph = buildGraph().graph;
    api = await serveForTest(graph, null);
  });
  afterAll(() => api.close());

  const triples = (query: Record<string, string | number>) => request(api.server).get("/api/triples").query(query);

  it("answers every relation when the pattern is empty, a page at a time", async () => {
    const res = await triples({ limit: 10 });
    expectDocumented(res, TRIPLES_ENDPOINT, 200);
    expect(res.body.total).toBe(graph.size);
    expect(res.body.triples).toHaveLength(10);
    const next = await triples({ limit: 10, offset: 10 });
    expect(next.body.triples[0].id).toBe(graph.edges()[10]);
  });

  it("gives each relation its kind and its predicate's Wikidata property when it has one", async () => {
    const located = await triples({ predicate: "located_in" });
    expectDocumented(located, TRIPLES_ENDPOINT, 200);
    expect(located.body.triples[0]).toMatchObject({ kind: "typed", wikidata: "P131" });
    const negotiates = await triples({ predicate: "negotiates_for" });
    expect(negotiates.body.triples[0].kind).toBe("typed");
    expect(negotiates.body.triples[0]).not.toHaveProperty("wikidata");
  });

  it("matches a subject given by name, with evidence on each relation", async () => {
    const res = await triples({ subject: "Blinken" });
    expectDocumented(res, TRIPLES_ENDPOINT, 200);
    expect(res.body.total).toBe(graph.outDegree("antony-blinken"));
    for (const t of res.body.triples as Triple[]) {
      expect(t.subject.id).toBe("antony-blinken");
      expect(t.evidence.length).toBeGreaterThan(0);
    }
  });

  it("keeps only the relations in the review state asked for", async () => {
    const candidate = graph.edges()[3];
    graph.setEdgeAttribute(candidate, "status", "candidate");
    try {
      const res = await triples({ status: "candidate" });
      expectDocumented(res, TRIPLES_ENDPOINT, 200);
      expect(res.body.triples.map((t: Triple) => t.id)).toEqual([candidate]);
      expect((await triples({ status: "accepted" })).body.total).toBe(graph.size - 1);
      expectError(await triples({ status: "maybe" }), 400, "bad_request", /status must be accepted or candidate/);
    } finally {
      graph.setEdgeAttribute(candidate, "status", "accepted");
    }
  });

  it("matches a predicate alone, an object alone, and all three parts", async () => {
    const byPredicate = await triples({ predicate: "negotiates_for" });
    expect(byPredicate.body.total).toBe(graph.filterEdges((_e, a) => a.predicate === "negotiates_for").length);
    for (const t of byPredicate.body.triples as Triple[]) expect(t.predicate).toBe("negotiates_for");
    const byObject = await triples({ object: "peace-talks" });
    expect(byObject.body.total).toBe(graph.inDegree("peace-talks"));
    const all = await triples({ subject: "Blinken", predicate: "skeptical_of", object: "peace-talks" });
    expect(all.body.triples.map((t: Triple) => t.id)).toEqual(["blinken-skeptical-of-talks"]);
    const none = await triples({ subject: "Blinken", predicate: "negotiates_for", object: "peace-talks" });
    expect(none.body).toMatchObject({ total: 0, triples: [] });
  });

  it.each([
    [{ predicate: "likes" }, 400, /predicate: unknown predicate "likes"/],
    [{ limit: 0 }, 400, /limit must be a whole number from 1 to 1000/],
    [{ offset: -1 }, 400, /offset must be a whole number/],
    [{ subj: "Blinken" }, 400, /subj/],
    [{ subject: "Blinkn" }, 404, /subject: unknown entity "Blinkn"/],
    [{ object: "ukr" }, 409, /object: "ukr" matches several entities equally well/],
  ])("answers %j with %i", async (query, status, message) => {
    const res = await triples(query);
    expectError(res, status, status === 400 ? "bad_request" : status === 404 ? "not_found" : "ambiguous", message);
    expectDocumented(res, TRIPLES_ENDPOINT, status);
  });
});
