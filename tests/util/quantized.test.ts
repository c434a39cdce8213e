import { describe, expect, it } from "vitest";
import { dequantizeWeights, quantizeWeights } from "../../src/util/quantized.ts";

describe("util", () => {
  describe("quantized weights", () => {
    it("gives back every weight within one step of the scale", () => {
      const weights = [0.5, -3.25, 0, 7.75, -0.001];
      const file = quantizeWeights(weights);
      const back = dequantizeWeights(file, weights.length)!;
      weights.forEach((w, i) => expect(Math.abs(back[i] - w)).toBeLessThanOrEqual(1 / file.scale));
    });

    it("uses the whole int16 range for the largest weight", () => {
      const file = quantizeWeights([2, -1]);
      expect(Buffer.from(file.weights, "base64").readInt16LE(0)).toBeGreaterThan(32_000);
    });

    it("says null when the file does not hold the number of weights asked for", () => {
      expect(dequantizeWeights(quantizeWeights([1, 2, 3]), 4)).toBeNull();
    });
  });
});
