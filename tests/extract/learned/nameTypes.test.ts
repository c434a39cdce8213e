import { describe, expect, it } from "vitest";
import { foldNameTypeModels, outOfFoldNameTypes, type NameExample } from "../../../src/extract/learned/nameTypes.ts";

/** Ten documents of one name each, whose one feature says its class. */
function documents(label: NameExample["label"], feature: number): NameExample[][] {
  return Array.from({ length: 10 }, () => [{ features: [feature], label }]);
}

describe("extract", () => {
  describe("name-type training", () => {
    it("scores each corpus's names of the scored kinds out of fold, leaving 'other' names out", () => {
      const corpora = {
        a: [...documents("person", 1), ...documents("organization", 3)],
        b: [...documents("location", 2), ...documents("other", 4)],
      };
      const figures = outOfFoldNameTypes(corpora, foldNameTypeModels(corpora, 5), 0);
      expect(figures.a).toEqual({ names: 20, right: 20, asOrganizations: 10 });
      expect(figures.b).toEqual({ names: 10, right: 10, asOrganizations: 0 });
    });

    it("types a document's names with a model that never saw that document", () => {
      // Documents 0 and 5 (fold 0) are the only ones whose feature says "person": fold 0's model has not seen it.
      const corpora = {
        a: Array.from({ length: 10 }, (_, j): NameExample[] =>
          j % 5 === 0 ? [{ features: [50], label: "person" }] : [{ features: [60], label: "location" }],
        ),
      };
      const models = foldNameTypeModels(corpora, 5);
      expect(models).toHaveLength(5);
      expect(outOfFoldNameTypes(corpora, models, 0).a).toEqual({ names: 10, right: 8, asOrganizations: 0 });
    });
  });
});
