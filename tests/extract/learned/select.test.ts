import { describe, expect, it } from "vitest";
import { selectAssociations, selectRelations, type ScoredPair } from "../../../src/extract/learned/select.ts";
import { unorderedPairKey } from "../../../src/util/pairKey.ts";

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

  describe("selectAssociations", () => {
    const pairs = [
      { a: "x", b: "y", related: 0.7 },
      { a: "y", b: "x", related: 0.9 },
      { a: "x", b: "z", related: 0.4 },
      { a: "y", b: "z", related: 0.8 },
    ];
    const choose = (threshold: number, linked: string[] = []) =>
      selectAssociations(
        pairs,
        (p) => unorderedPairKey(p.a, p.b),
        (p) => p.related,
        threshold,
        new Set(linked),
      );

    it("keeps the more related direction of a pair, once", () => {
      expect(choose(0.5)).toEqual([1, 3]);
    });

    it("skips pairs below the threshold and pairs already linked", () => {
      expect(choose(0.85)).toEqual([1]);
      expect(choose(0.3, [unorderedPairKey("z", "y")])).toEqual([1, 2]);
    });
  });
});
