import { describe, expect, it } from "vitest";
import { chooseSetting, type SettingRow } from "../../../src/extract/learned/setting.ts";

/** A candidate with the given out-of-fold pair recall and triple F1 and news pair recall. */
function row(threshold: number, pairRecall: number, tripleF1: number, newsRecall: number | null): SettingRow {
  return {
    setting: { threshold, associationThreshold: 0.6 },
    figures: { pairRecall, pairPrecision: 0.7, tripleRecall: 0, triplePrecision: 0, tripleF1 },
    news: newsRecall === null ? null : { documents: 10, pairRecall: newsRecall, pairPrecision: 0.5 },
  };
}

describe("extract", () => {
  describe("choosing the pair model's setting", () => {
    it("takes the candidate whose Re-DocRED and news pair recalls sum highest", () => {
      const rows = [row(0.3, 0.331, 0.35, 0.662), row(0.4, 0.326, 0.31, 0.677), row(0.35, 0.33, 0.34, 0.668)];
      expect(chooseSetting(rows)?.setting.threshold).toBe(0.4);
    });

    it("leaves out candidates whose triple F1 falls below the floor while others keep it", () => {
      const rows = [row(0.3, 0.331, 0.35, 0.662), row(0.5, 0.324, 0.289, 0.7)];
      expect(chooseSetting(rows)?.setting.threshold).toBe(0.3);
      expect(chooseSetting(rows, { minTripleF1: 0.28 })?.setting.threshold).toBe(0.5);
    });

    it("chooses among all candidates when none keeps the floor", () => {
      const rows = [row(0.3, 0.2, 0.1, 0.5), row(0.5, 0.25, 0.12, 0.5)];
      expect(chooseSetting(rows)?.setting.threshold).toBe(0.5);
    });

    it("breaks a tie on triple F1, and reads a candidate without news figures by its Re-DocRED recall alone", () => {
      expect(chooseSetting([row(0.3, 0.3, 0.31, null), row(0.4, 0.3, 0.33, null)])?.setting.threshold).toBe(0.4);
      expect(chooseSetting([row(0.3, 0.3, 0.31, null), row(0.4, 0.29, 0.33, null)])?.setting.threshold).toBe(0.3);
    });

    it("has nothing to choose from no candidates", () => {
      expect(chooseSetting([])).toBeNull();
    });
  });
});
