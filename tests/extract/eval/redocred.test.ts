import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  detokenize,
  goldEntityOf,
  prepareDocument,
  readRedocred,
  splitOf,
} from "../../../src/extract/eval/redocred.ts";

const DEV = path.resolve(import.meta.dirname, "../../../../shared/redocred/dev.json");

describe("extract", () => {
  describe("Re-DocRED", () => {
    it("joins tokens as the reference scorer does: no space before punctuation, none inside quotes", () => {
      const { text, spans } = detokenize([
        ["He", "said", '"', "yes", '"', "(", "twice", ")", "."],
        ["It", "'s", "$", "5", "."],
      ]);
      expect(text).toBe('He said "yes" (twice). It\'s $5.');
      expect(spans[1].map(([a, b]) => text.slice(a, b))).toEqual(["It", "'s", "$", "5", "."]);
    });

    it("holds back every fifth document for evaluation", () => {
      expect([0, 1, 2, 3, 4, 5, 9].map(splitOf)).toEqual(["train", "train", "train", "train", "eval", "train", "eval"]);
    });

    it("matches an extracted entity to the gold entity it overlaps most, by at least half the longer span", () => {
      const gold: [number, number][][] = [[[0, 10]], [[20, 24]]];
      expect(goldEntityOf([{ start: 0, end: 10 }], gold)).toBe(0);
      expect(goldEntityOf([{ start: 5, end: 10 }], gold)).toBe(0);
      expect(goldEntityOf([{ start: 6, end: 10 }], gold)).toBe(-1);
      expect(
        goldEntityOf(
          [
            { start: 30, end: 34 },
            { start: 20, end: 24 },
          ],
          gold,
        ),
      ).toBe(1);
    });

    it("reads the development set into texts whose gold spans hold the mention names", (ctx) => {
      if (!existsSync(DEV)) return ctx.skip(`${DEV} is absent: the shared/ folder is not beside this checkout`);
      const docs = readRedocred(DEV);
      expect(docs).toHaveLength(500);
      const doc = prepareDocument(docs[0], 0);
      docs[0].vertexSet.forEach((mentions, g) =>
        mentions.forEach((m, k) => {
          const [a, b] = doc.goldSpans[g][k];
          expect(doc.text.slice(a, b).replace(/\s/g, "")).toBe(m.name.replace(/\s/g, ""));
        }),
      );
    });
  });
});
