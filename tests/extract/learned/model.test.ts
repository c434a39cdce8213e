import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  decodePairModel,
  encodePairModel,
  featureIdsOf,
  loadPairModel,
  PAIR_MODEL_FORMAT,
  scorePair,
} from "../../../src/extract/learned/model.ts";
import { trainLogistic, type TrainingExample } from "../../../src/extract/learned/train.ts";
import { featureHash } from "../../../src/util/featureHash.ts";

const toy = (): TrainingExample[] =>
  Array.from({ length: 200 }, (_, i) => ({
    // feature 0: bias; feature 1 marks class 0, feature 2 marks class 1
    features: Int32Array.from(i % 2 === 0 ? [0, 1] : [0, 2]),
    classes: i % 2 === 0 ? [0] : [1],
  }));

describe("extract", () => {
  describe("learned pair model", () => {
    it("learns which feature marks which class", () => {
      const weights = trainLogistic(toy(), 3, 2, { epochs: 5 });
      const model = { classes: ["P1", "P2"], weights };
      const p = new Float64Array(2);
      scorePair(model, [0, 1], p);
      expect(p[0]).toBeGreaterThan(0.8);
      expect(p[1]).toBeLessThan(0.2);
      scorePair(model, [0, 2], p);
      expect(p[1]).toBeGreaterThan(0.8);
    });

    it("scores only the columns it is given, each as a full score would, and leaves the others at 0", () => {
      const model = { classes: ["P1", "P2", "P3"], weights: Float32Array.from([0.5, -1, 2, 1.5, 0.25, -3]) };
      const full = new Float64Array(3);
      scorePair(model, [0, 1], full);
      const some = new Float64Array(3).fill(7);
      scorePair(model, [0, 1], some, Int32Array.from([0, 2]));
      expect([...some]).toEqual([full[0], 0, full[2]]);
      expect(full[1]).not.toBe(0);
    });

    it("leaves the classes an example does not teach as they were", () => {
      // Examples that teach class 1 only, with class 0 set: class 0's weights must not move.
      const partial = toy().map((e) => ({ ...e, classes: [0, 1], taught: [1] }));
      const weights = trainLogistic(partial, 3, 2, { epochs: 2 });
      for (let f = 0; f < 3; f++) expect(weights[f * 2]).toBe(0);
      expect(weights[0 * 2 + 1]).toBeGreaterThan(0);
    });

    it("trains the same weights from the same examples and seed", () => {
      expect(trainLogistic(toy(), 3, 2)).toEqual(trainLogistic(toy(), 3, 2));
      expect(trainLogistic(toy(), 3, 2, { seed: 1 })).not.toEqual(trainLogistic(toy(), 3, 2, { seed: 2 }));
    });

    it("writes and reads weights within the quantisation step", () => {
      const weights = Float32Array.from([0.5, -1.25, 3, 0, -2.5, 0.001]);
      const file = encodePairModel(
        {
          classes: ["P17", "P131"],
          threshold: 0.3,
          associationThreshold: 0.6,
          singleValued: [true, false],
          floors: [0, 0.6],
          features: [11, 22, 33],
          weights,
        },
        "toy",
      );
      expect(file.format).toBe(PAIR_MODEL_FORMAT);
      expect(file.singleValued).toEqual(["P17"]);
      expect(decodePairModel(file).floors).toEqual([0, 0.6]);
      expect(decodePairModel(file).associationThreshold).toBe(0.6);
      expect(decodePairModel(file).related).toBe(-1);
      const model = decodePairModel(file);
      for (let i = 0; i < weights.length; i++) expect(model.weights[i]).toBeCloseTo(weights[i], 3);
      expect(featureIdsOf(model, [33, 44, 11])).toEqual([2, 0]);
    });

    it("refuses a model file of another format, or with weights that do not fill the matrix, saying how to rebuild", () => {
      const dir = mkdtempSync(path.join(tmpdir(), "kg-model-"));
      const old = path.join(dir, "old.json");
      writeFileSync(old, JSON.stringify({ format: "pair-relations/0" }));
      expect(() => loadPairModel(old)).toThrow(/npm run train:extract/);
      expect(() => loadPairModel(path.join(dir, "absent.json"))).toThrow(/missing.*train:extract/);
      const file = encodePairModel(
        {
          classes: ["P17"],
          threshold: 0.5,
          associationThreshold: 1.01,
          singleValued: [false],
          floors: [0],
          features: [11],
          weights: Float32Array.from([1]),
        },
        "toy",
      );
      expect(() => decodePairModel({ ...file, features: [11, 22] })).toThrow(/does not hold 2 weights/);
    });

    it("hashes a feature's parts as one name with separators, so different splits differ", () => {
      expect(featureHash("bw", "in", "ht")).toBe(featureHash("bw", "in", "ht"));
      expect(featureHash("bw", "in", "ht")).not.toBe(featureHash("bw", "inh", "t"));
      expect(featureHash("bw", "in", "ht")).not.toBe(featureHash("bw", "in", "th"));
      expect(featureHash("x")).toBeGreaterThanOrEqual(0);
      expect(featureHash("x")).toBeLessThanOrEqual(0xffffffff);
    });

    it("ships a committed model of the current format with Wikidata properties as classes, and relatedness last", () => {
      const model = loadPairModel();
      expect(model.classes.length).toBeGreaterThan(5);
      expect(model.related).toBe(model.classes.length - 1);
      for (const c of model.classes.slice(0, -1)) expect(c).toMatch(/^P\d+$/);
      expect(model.threshold).toBeGreaterThan(0);
      expect(model.threshold).toBeLessThan(1);
    });
  });
});
