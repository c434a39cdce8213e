import { describe, expect, it } from "vitest";
import { fixedPairs } from "../../bench/pairs.ts";
import { formatTable, higherIsBetter, lowerIsBetter, type Row } from "../../bench/report.ts";
import { quantile, summarize } from "../../bench/util/stats.ts";

describe("bench report", () => {
  describe("quantile", () => {
    it("takes the nearest rank and is NaN for no values", () => {
      const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted input
      expect(quantile(values, 0.5)).toBe(50);
      expect(quantile(values, 0.99)).toBe(99);
      expect(quantile(values, 1)).toBe(100);
      expect(quantile([], 0.5)).toBeNaN();
    });

    it("summarises count, p50, p99, max and mean", () => {
      expect(summarize([1, 2, 3, 10])).toEqual({ count: 4, p50: 2, p99: 10, max: 10, mean: 4 });
    });
  });

  describe("ratios", () => {
    it("say how many times better ours is: baseline/ours for times, ours/baseline for throughput", () => {
      expect(lowerIsBetter(2, 5)).toBe(2.5);
      expect(higherIsBetter(800, 1000)).toBe(0.8);
      expect(lowerIsBetter(null, 5)).toBeNull();
      expect(higherIsBetter(10, 0)).toBeNull();
    });
  });

  describe("formatTable", () => {
    it("prints one Markdown row per figure with its baseline, ratio and whether the target was met", () => {
      const rows: Row[] = [
        {
          tier: "small",
          measure: "shortest path p50",
          value: 0.1,
          unit: "ms",
          baseline: "graphology",
          baselineValue: 0.3,
          ratio: 3,
          target: "≥ 2×",
          met: true,
        },
        { tier: "small", measure: "networkx", value: null, unit: "", note: "absent" },
      ];
      const lines = formatTable(rows).split("\n");
      expect(lines).toHaveLength(4);
      expect(lines[2]).toBe("| small | shortest path p50 | 0.1 ms | graphology: 0.3 ms | 3× | ✔ ≥ 2× |  |");
      expect(lines[3]).toBe("| small | networkx | n/a |  |  |  | absent |");
    });
  });

  describe("fixedPairs", () => {
    it("draws the same distinct pairs of existing node keys for the same seed", () => {
      const a = fixedPairs(50, 200);
      expect(fixedPairs(50, 200)).toEqual(a);
      expect(a.every(([x, y]) => x !== y && /^n\d+$/.test(x) && Number(y.slice(1)) < 50)).toBe(true);
      expect(fixedPairs(50, 200, 1)).not.toEqual(a);
    });
  });
});
