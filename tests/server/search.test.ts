import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { buildGraph } from "../../src/graph/build.ts";
import { SEARCH_ENDPOINT } from "../../src/server/api/endpoints.ts";
import { expectDocumented, expectError, serveForTest, type TestServer } from "./apiFixture.ts";

describe("GET /api/search", () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await serveForTest(buildGraph().graph, null);
  });
  afterAll(() => api.close());

  const search = (query: Record<string, string | number>) => request(api.server).get("/api/search").query(query);

  it("ranks the exact alias first, each hit with id, label, type and score", async () => {
    const res = await search({ q: "Kremlin" });
    expectDocumented(res, SEARCH_ENDPOINT, 200);
    expect(res.body.q).toBe("Kremlin");
    expect(res.body.hits[0]).toEqual({ id: "russia", label: "Russia", type: "country", score: 1 });
  });

  it("is case- and accent-insensitive and matches prefixes and substrings", async () => {
    expect((await search({ q: "ZELÉNSKYY" })).body.hits[0].id).toBe("volodymyr-zelensky");
    expect((await search({ q: "podol" })).body.hits[0].id).toBe("mykhailo-podolyak");
    expect((await search({ q: "etris" })).body.hits[0].id).toBe("daniel-depetris");
  });

  it("honours limit and type", async () => {
    const res = await search({ q: "u", limit: 2 });
    expect(res.body.hits).toHaveLength(2);
    const events = await search({ q: "ukraine", type: "event" });
    expect(events.body.hits.length).toBeGreaterThan(0);
    for (const hit of events.body.hits) expect(hit.type).toBe("event");
  });

  it("answers [] when nothing matches", async () => {
    const res = await search({ q: "qqqqzzzz" });
    expectDocumented(res, SEARCH_ENDPOINT, 200);
    expect(res.body.hits).toEqual([]);
  });

  it.each([
    [{}, /q is required/],
    [{ q: "   " }, /q is required/],
    [{ q: "x".repeat(201) }, /q must be at most 200 characters/],
    [{ q: "nato", limit: 0 }, /limit must be a whole number from 1 to 100/],
    [{ q: "nato", limit: 101 }, /limit must be a whole number from 1 to 100/],
    [{ q: "nato", limit: "ten" }, /limit must be a whole number/],
    [{ q: "nato", type: "planet" }, /type/],
    [{ q: "nato", sort: "label" }, /sort/],
  ])("answers 400 to %j", async (query, message) => {
    const res = await search(query);
    expectError(res, 400, "bad_request", message);
    expectDocumented(res, SEARCH_ENDPOINT, 400);
  });
});
