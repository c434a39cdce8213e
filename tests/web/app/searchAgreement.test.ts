/**
 * Page search and GET /api/search agree: the same normaliser and ranking give the same best hit for every query.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../../src/graph/build.ts";
import type { DrawGraph } from "../../../web/app/api.ts";
import { graphFromDraw } from "../../../web/app/graph.ts";
import { createSearchIndex } from "../../../web/app/search.ts";
import { serveForTest, type TestServer } from "../../server/apiFixture.ts";

/** Full names, aliases, word starts, substrings, ids, accents, case, punctuation, typos and a query that finds nothing. */
const QUERIES = [
  "ukraine russia",
  "antony-blinken",
  "Blinken",
  "tony blinken",
  "podolyak",
  "PODOLIAK",
  "zelenskyy",
  "Zelensky administration",
  "depetris",
  "@DanDePetris",
  "kyiv",
  "Kremlin",
  "the kremlin",
  "u.s.",
  "usa",
  "türkiye",
  "turkiye",
  "nato",
  "article 5",
  "peace talks",
  "Ukraine–Russia peace talks",
  "russia-ukraine war",
  "cease-fire",
  "covid",
  "soviet",
  "washington",
  "crimea",
  "donbass",
  "krain",
  "blinkin",
  "podolyek",
  "kremlinn",
  "xyzzy",
];

describe("page search and /api/search", () => {
  let api: TestServer;
  let search: ReturnType<typeof createSearchIndex>;
  beforeAll(async () => {
    api = await serveForTest(buildGraph().graph, null);
    const draw = await request(api.server).get("/api/graph?view=draw");
    search = createSearchIndex(graphFromDraw(draw.body as DrawGraph));
  });
  afterAll(() => api.close());

  it("share a list of 33 queries", () => {
    expect(new Set(QUERIES).size).toBe(33);
  });

  it.each(QUERIES)("give the same results, in the same order, for %j", async (q) => {
    const res = await request(api.server).get("/api/search").query({ q, limit: 8 });
    expect(res.status).toBe(200);
    const apiIds = (res.body.hits as { id: string }[]).map((hit) => hit.id);
    expect(search(q).map((hit) => hit.id)).toEqual(apiIds);
    if (q !== "xyzzy") expect(apiIds.length).toBeGreaterThan(0);
  });

  it("forgive the same typo: 'blinkin' finds Antony Blinken in both", async () => {
    const res = await request(api.server).get("/api/search").query({ q: "blinkin" });
    expect(res.body.hits[0].label).toBe("Antony Blinken");
    expect(search("blinkin")[0].label).toBe("Antony Blinken");
  });
});
