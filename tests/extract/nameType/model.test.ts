import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  loadNameTypeModel,
  NAME_TYPE_CLASSES,
  NAME_TYPE_MODEL_FORMAT,
  nameTypeScores,
} from "../../../src/extract/nameType/model.ts";
import { quantizeWeights } from "../../../src/util/quantized.ts";

function modelFile(content: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "kg-names-")), "names.json");
  writeFileSync(file, JSON.stringify(content));
  return file;
}

const valid = (weights: number[]) => ({
  format: NAME_TYPE_MODEL_FORMAT,
  trainedOn: "a test",
  classes: [...NAME_TYPE_CLASSES],
  features: [11, 22],
  ...quantizeWeights(weights),
});

describe("extract", () => {
  describe("name-type model file", () => {
    it("scores a name by the weights of the features it has, ignoring unknown ones", () => {
      const model = loadNameTypeModel(modelFile(valid([1, 0, 0, 0, 0, 0, 2, 0])));
      const z = nameTypeScores(model, [11, 22, 99]);
      expect(z[NAME_TYPE_CLASSES.indexOf("person")]).toBeCloseTo(1, 3);
      expect(z[NAME_TYPE_CLASSES.indexOf("location")]).toBeCloseTo(2, 3);
      expect(z[NAME_TYPE_CLASSES.indexOf("organization")]).toBe(0);
    });

    it("refuses a missing file, saying how to get it back", () => {
      expect(() => loadNameTypeModel("/nonexistent/names.json")).toThrow(
        /restore it from git or run npm run train:extract/,
      );
    });

    it("refuses a file of another format, saying how to rebuild it", () => {
      expect(() =>
        loadNameTypeModel(modelFile({ ...valid([0, 0, 0, 0, 0, 0, 0, 0]), format: "name-types/0" })),
      ).toThrow(/run npm run train:extract/);
    });

    it("refuses weights that do not fill the feature-by-class matrix", () => {
      expect(() => loadNameTypeModel(modelFile(valid([1, 2, 3])))).toThrow(/do not fill its matrix/);
    });
  });
});
