import { describe, expect, it } from "vitest";
import { selectRelations, type ScoredPair } from "../../../src/extract/learned/select.ts";

const pair = (subject: number, ...p: number[]): ScoredPair => ({
  subject,
  probabilities: Float64Array.from(p),
  allowed: p.map(() => 1),
});

describe("extract", () => {
  describe("learned relation selection", () => {
    it("keeps every class at or above the threshold", () => {
      expect(selectRelations([pair(0, 0.6, 0.2), pair(1, 0.5, 0.9)], [false, false], { threshold: 0.5 })).toEqual([
        [0, 0],
        [1, 0],
        [1, 1],
      ]);
    });

    it("keeps only the best object of a single-valued class unless another is nearly certain", () => {
      const pairs = [pair(0, 0.6), pair(0, 0.7), pair(0, 0.55), pair(1, 0.6)];
      expect(selectRelations(pairs, [true], { threshold: 0.5, secondObject: 0.8 })).toEqual([
        [1, 0],
        [3, 0],
      ]);
      const sure = [pair(0, 0.9), pair(0, 0.85)];
      expect(selectRelations(sure, [true], { threshold: 0.5, secondObject: 0.8 })).toEqual([
        [0, 0],
        [1, 0],
      ]);
    });

    it("drops a class the ontology does not admit for the pair's types", () => {
      const p = { ...pair(0, 0.9, 0.9), allowed: [0, 1] };
      expect(selectRelations([p], [false, false], { threshold: 0.5 })).toEqual([[0, 1]]);
    });
  });
});
