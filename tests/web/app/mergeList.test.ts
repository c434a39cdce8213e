/**
 * Merge list: a merge's names in words, and the merges still in effect listed before the reverted ones.
 */
import { describe, expect, it } from "vitest";
import type { RecordedMerge } from "../../../web/app/api.ts";
import { mergedNames, sortMerges } from "../../../web/app/mergeList.ts";

function merge(id: string, label: string, aliases: string[], reverted: boolean): RecordedMerge {
  return {
    id,
    rule: "alias",
    entity: { id: "antony-blinken", label: "Antony Blinken" },
    merged: { label, aliases },
    document: { id: "001_a", title: "Talks" },
    reverted,
  };
}

describe("web merge list", () => {
  describe("mergedNames", () => {
    it("says the name read in the document, then its other names there", () => {
      expect(mergedNames(merge("a.e1", "Blinken", [], false))).toBe("Blinken");
      expect(mergedNames(merge("a.e1", "Blinken", ["Mr Blinken", "Tony"], false))).toBe(
        "Blinken (also Mr Blinken, Tony)",
      );
    });
  });

  describe("sortMerges", () => {
    it("lists the merges still in effect first, each group in the server's order", () => {
      const merges = [
        merge("a.e1", "A", [], true),
        merge("a.e2", "B", [], false),
        merge("b.e1", "C", [], true),
        merge("b.e2", "D", [], false),
      ];
      expect(sortMerges(merges).map((m) => m.id)).toEqual(["a.e2", "b.e2", "a.e1", "b.e1"]);
    });
  });
});
