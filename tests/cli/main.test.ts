import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { makeTempData, SEED_RELATIONS, type TempData } from "../helpers/tempData.ts";
import { kg } from "../helpers/kg.ts";

describe("kg", () => {
  let data: TempData;
  beforeAll(() => {
    data = makeTempData();
  });
  afterAll(() => data.remove());

  it("lists its commands when run without one, and exits 2", async () => {
    const { code, out } = await kg();
    expect(code).toBe(2);
    expect(out).toMatch(/validate.*\n.*build/s);
  });

  it("names an unknown command and points to help", async () => {
    const { code, err } = await kg("frobnicate");
    expect(code).toBe(2);
    expect(err).toContain('unknown command "frobnicate"');
  });

  it("rejects an unknown flag with the command's usage", async () => {
    const { code, err } = await kg("build", "--outt", "x");
    expect(code).toBe(2);
    expect(err).toContain("usage: npx kg build");
  });

  describe("validate", () => {
    it("reports the counts of a valid dataset", async () => {
      const { code, out } = await kg("validate", "--data", data.root);
      expect(code).toBe(0);
      expect(out).toMatch(/valid: 1 documents, \d+ entities, \d+ relations/);
    });

    it("exits 1 naming the file, record and fix of each problem", async () => {
      const broken = makeTempData();
      broken.edit(SEED_RELATIONS, (t) => t.replace("object: ukraine", "object: ukrain"));
      const { code, err } = await kg("validate", "--data", broken.root);
      broken.remove();
      expect(code).toBe(1);
      expect(err).toMatch(
        /000_fd914f920b6354d3\.yaml:\d+ \(podolyak-negotiates-for-ukraine\): object "ukrain" is not an entity/,
      );
    });
  });

  describe("build", () => {
    it("writes the graph to --out and prints the counts", async () => {
      const out = path.join(data.root, "out.json");
      const result = await kg("build", "--data", data.root, "--out", out);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/built \d+ nodes, \d+ edges from 1 documents/);
      expect(existsSync(out)).toBe(true);
      expect(JSON.parse(readFileSync(out, "utf8")).options).toMatchObject({ type: "directed", multi: true });
    });
  });
});
