/**
 * Path scope: the path finder asks only for what the filters leave visible.
 */
import { describe, expect, it } from "vitest";
import { describeScope, pathScope } from "../../../web/app/pathScope.ts";

const counts = {
  types: new Map([
    ["person", 3],
    ["country", 2],
  ]),
  predicates: new Map([
    ["supports", 4],
    ["opposes", 1],
    ["negotiates_with", 2],
  ]),
};
const none = { hiddenTypes: new Set<string>(), hiddenPredicates: new Set<string>(), showCandidates: true };

describe("web path scope", () => {
  describe("pathScope", () => {
    it("asks for everything when nothing is filtered", () => {
      expect(pathScope(counts, none, [])).toEqual({ predicates: [], types: [], candidates: true });
    });

    it("lists the visible predicates and types once some are hidden, and follows the candidate toggle", () => {
      const filters = {
        hiddenTypes: new Set(["country"]),
        hiddenPredicates: new Set(["opposes"]),
        showCandidates: false,
      };
      expect(pathScope(counts, filters, [])).toEqual({
        predicates: ["supports", "negotiates_with"],
        types: ["person"],
        candidates: false,
      });
    });

    it("drops hidden predicates from the chosen ones, and gives up when none is left", () => {
      const filters = { ...none, hiddenPredicates: new Set(["opposes"]) };
      expect(pathScope(counts, filters, ["opposes", "supports"])?.predicates).toEqual(["supports"]);
      expect(pathScope(counts, filters, ["opposes"])).toBeNull();
    });

    it("gives up when every type is hidden", () => {
      expect(pathScope(counts, { ...none, hiddenTypes: new Set(["person", "country"]) }, [])).toBeNull();
    });
  });

  describe("describeScope", () => {
    it("says the path keeps to visible relations, and what is hidden", () => {
      expect(describeScope(none)).toBe("Through visible relations only.");
      const filters = {
        hiddenTypes: new Set(["country"]),
        hiddenPredicates: new Set(["a", "b"]),
        showCandidates: false,
      };
      expect(describeScope(filters)).toBe(
        "Through visible relations only: skips the hidden 2 relations, 1 entity type, candidate relations.",
      );
    });
  });
});
