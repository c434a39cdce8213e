import { describe, expect, it } from "vitest";
import { outOfFoldNameTypes, type NameExample } from "../../../src/extract/learned/nameTypes.ts";

/** Ten documents of one name each, whose one feature says its class. */
function documents(label: NameExample["label"], feature: number): NameExample[][] {
  return Array.from({ length: 10 }, () => [{ features: [feature], label }]);
}

describe("extract", () => {
  describe("name-type training", () => {
    it("scores each corpus's names of the scored kinds out of fold, leaving 'other' names out", () => {
      const figures = outOfFoldNameTypes(
        {
          a: [...documents("person", 1), ...documents("organization", 3)],
          b: [...documents("location", 2), ...documents("other", 4)],
        },
        5,
        0,
      );
      expect(figures.a).toEqual({ names: 20, right: 20, asOrganizations: 10 });
      expect(figures.b).toEqual({ names: 10, right: 10, asOrganizations: 0 });
    });
  });
});
