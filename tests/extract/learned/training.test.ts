import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_REDOCRED, trainPairModel } from "../../../src/extract/learned/cli.ts";
import { loadPairModel } from "../../../src/extract/learned/model.ts";
import { EVAL_SETS } from "../../../src/extract/eval/sets.ts";
import { loadNameTypeModel } from "../../../src/extract/nameType/model.ts";

describe("extract", () => {
  describe("pair model training", () => {
    it("writes the same pair and name-type models twice from the same documents, and models the extractor can load", (ctx) => {
      if (!existsSync(DEFAULT_REDOCRED))
        return ctx.skip(`${DEFAULT_REDOCRED} is absent: the shared/ folder is not beside this checkout`);
      const dir = mkdtempSync(path.join(tmpdir(), "kg-train-"));
      const [a, b, namesA, namesB] = ["a.json", "b.json", "names-a.json", "names-b.json"].map((name) =>
        path.join(dir, name),
      );
      const newsSets = EVAL_SETS.filter((s) => s.name === "news dev 7");
      const figures = trainPairModel({ out: a, nameTypeOut: namesA, placeIndex: null, limit: 40, newsSets });
      trainPairModel({ out: b, nameTypeOut: namesB, placeIndex: null, limit: 40, newsSets });
      expect(readFileSync(a, "utf8")).toBe(readFileSync(b, "utf8"));
      expect(readFileSync(namesA, "utf8")).toBe(readFileSync(namesB, "utf8"));
      expect(loadNameTypeModel(namesA).featureIds.size).toBeGreaterThan(100);
      const model = loadPairModel(a);
      expect(model.classes.length).toBeGreaterThan(0);
      expect(model.featureIds.size).toBeGreaterThan(100);
      expect(figures.pairPrecision).toBeGreaterThanOrEqual(0);
      expect(figures.pairPrecision).toBeLessThanOrEqual(1);
      expect(JSON.parse(readFileSync(a, "utf8")).trainedOn).toMatch(
        /for relatedness only, 12 news development documents/,
      );
    }, 120_000);
  });
});
