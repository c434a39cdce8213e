import { describe, expect, it } from "vitest";
import { loadExtractContext } from "../../../src/extract/context.ts";
import { EVAL_SETS } from "../../../src/extract/eval/sets.ts";
import { loadPairModel } from "../../../src/extract/learned/model.ts";
import { newsDevelopmentDocuments, newsPairFigures } from "../../../src/extract/learned/newsFigures.ts";

const set = (name: string) => EVAL_SETS.find((s) => s.name === name)!;

describe("extract", () => {
  describe("news figures of a candidate pair model", () => {
    it("refuses a held-out set, which only measures", () => {
      expect(() => newsDevelopmentDocuments([set("news dev"), set("news (held-out)")])).toThrow(
        /"news \(held-out\)" is a held-out set; only development sets may guide training/,
      );
    });

    it("follows the model it is given: the committed model connects more gold pairs than one that adds nothing", () => {
      const docs = newsDevelopmentDocuments([set("news dev 7")]);
      const context = loadExtractContext();
      const committed = loadPairModel();
      const silent = { ...committed, threshold: 2, associationThreshold: 2 };
      const withModel = newsPairFigures([{ docs, model: committed }], context);
      const withoutLearned = newsPairFigures([{ docs, model: silent }], context);
      expect(withModel.documents).toBe(docs.length);
      expect(withModel.pairRecall).toBeGreaterThan(withoutLearned.pairRecall);
    });

    it("pools the parts' counts, each scored by its own model", () => {
      const [a, b] = [set("news dev 6"), set("news dev 7")].map((s) => newsDevelopmentDocuments([s]));
      const context = loadExtractContext();
      const model = loadPairModel();
      const whole = newsPairFigures([{ docs: [...a, ...b], model }], context);
      expect(
        newsPairFigures(
          [
            { docs: a, model },
            { docs: b, model },
          ],
          context,
        ),
      ).toEqual(whole);
    });

    it("has no figures for no documents", () => {
      expect(newsPairFigures([{ docs: [], model: loadPairModel() }], loadExtractContext())).toEqual({
        documents: 0,
        pairRecall: 0,
        pairPrecision: 0,
      });
    });
  });
});
