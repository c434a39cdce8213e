import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadServedGraph } from "../../src/query/loadGraph.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { kg } from "../helpers/kg.ts";
import { serveForTest, type TestServer } from "../server/apiFixture.ts";

describe("kg path", () => {
  let data: TempData;
  beforeAll(() => {
    data = makeTempData();
  });
  afterAll(() => data.remove());

  const path = (...args: string[]) => kg("path", ...args, "--data", data.root);

  it("prints the shortest path as a sentence chain with each hop's evidence", async () => {
    const { code, out } = await path("Blinken", "Podolyak");
    expect(code).toBe(0);
    expect(out).toContain("Antony Blinken → Mykhailo Podolyak: 1 path");
    expect(out).toContain(
      "1. Antony Blinken — is skeptical of → Ukraine–Russia peace talks ← is positive about — Mykhailo Podolyak",
    );
    expect(out).toMatch(/· antony-blinken skeptical_of peace-talks \(0\.95\)\n {5}"Secretary of State Antony Blinken/);
  });

  it("prints the same result as the API in --json", async () => {
    const { code, out } = await path("Israel", "Russia", "--k", "3", "--json");
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.from).toEqual({ id: "israel", label: "Israel", type: "country" });
    expect(result.paths).toHaveLength(3);
    expect(result.truncated).toBe(false);
    for (const p of result.paths) for (const e of p.edges) expect(e.evidence.length).toBeGreaterThan(0);
  });

  it("honours --max-hops, --predicates and --directed", async () => {
    expect((await path("Blinken", "Podolyak", "--max-hops", "1")).out).toContain("no path within 1 hops");
    expect((await path("Blinken", "Podolyak", "--directed")).out).toContain("no path within 6 hops");
    const only = JSON.parse((await path("DePetris", "NATO", "--predicates", "skeptical_of,opposes", "--json")).out);
    for (const p of only.paths) for (const e of p.edges) expect(["skeptical_of", "opposes"]).toContain(e.predicate);
  });

  it("honours --since, --until and --min-support, and names the flag of a bad value", async () => {
    // The seed is one document: every relation has support 1, and all are dated on the seed document's day.
    const day = loadServedGraph({ graphFile: null, dataRoot: data.root }).getAttribute("documents")![0].date!;
    expect((await path("Blinken", "Podolyak", "--min-support", "2")).out).toContain("no path within 6 hops");
    expect((await path("Blinken", "Podolyak", "--since", day, "--until", day)).out).toContain(": 1 path");
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await path("Blinken", "Podolyak", "--since", next)).out).toContain("no path within 6 hops");
    const bad = await path("Blinken", "Podolyak", "--since", "March");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--since must be a day written YYYY-MM-DD/);
  });

  it("lists the candidates of an ambiguous name and exits 1", async () => {
    const { code, err } = await path("ukr", "Russia");
    expect(code).toBe(1);
    expect(err).toMatch(/FROM "ukr" matches several entities equally well; use one of these ids:\n {2}ukraine/);
  });

  it("suggests close names for an unknown one and exits 1", async () => {
    const { code, err } = await path("Blinken", "Podolyk");
    expect(code).toBe(1);
    expect(err).toMatch(/TO: unknown entity "Podolyk"; did you mean:\n {2}mykhailo-podolyak/);
  });

  it.each([
    [["Blinken"], /give two entities, FROM and TO \(got 1\)/],
    [["Blinken", "Podolyak", "--k", "0"], /--k must be a whole number from 1 to 20/],
    [["Blinken", "Podolyak", "--max-hops", "12"], /--max-hops must be a whole number from 1 to 8/],
    [["Blinken", "Podolyak", "--min-confidence", "x"], /--min-confidence must be a number from 0 to 1/],
    [["Blinken", "Podolyak", "--hops", "2"], /Unknown option '--hops'/],
  ])("exits 2 with the usage for %j", async (args, message) => {
    const { code, err } = await path(...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toContain("usage: npx kg path FROM TO");
  });

  describe("--json", () => {
    let api: TestServer;
    beforeAll(async () => {
      api = await serveForTest(loadServedGraph({ graphFile: null, dataRoot: data.root }), data.root);
    });
    afterAll(() => api.close());

    it.each([
      [["Blinken", "Podolyak"], "from=Blinken&to=Podolyak", 200],
      [["Israel", "Russia", "--k", "3"], "from=Israel&to=Russia&k=3", 200],
      [
        ["DePetris", "NATO", "--predicates", "skeptical_of,opposes"],
        "from=DePetris&to=NATO&predicates=skeptical_of,opposes",
        200,
      ],
      [["Blinken", "Podolyak", "--all", "--max-hops", "3"], "from=Blinken&to=Podolyak&mode=all&maxHops=3", 200],
      [["Blinken", "Podolyak", "--predicates", "nonsense"], "from=Blinken&to=Podolyak&predicates=nonsense", 400],
      [["Blinken", "Podolyak", "--exclude", "Nobody-at-all"], "from=Blinken&to=Podolyak&exclude=Nobody-at-all", 404],
      [["ukr", "Russia"], "from=ukr&to=Russia", 409],
      [["Blinken", "Podolyk"], "from=Blinken&to=Podolyk", 404],
    ])("prints GET /api/paths's body byte for byte for %j", async (args, query, status) => {
      const res = await request(api.server).get(`/api/paths?${query}`);
      expect(res.status).toBe(status);
      const { code, out } = await path(...args, "--json");
      expect(code).toBe(status === 200 ? 0 : 1);
      expect(out).toBe(res.text);
    });
  });
});
