/**
 * Entity search of the page: accent- and case-insensitive matching on labels and aliases, best match first.
 */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { createSearchIndex } from "../../../web/app/search.ts";
import type { NodeAttributes, WebGraph } from "../../../web/app/types.ts";

function graphOf(entries: [string, string, string[]][]): WebGraph {
  const graph: WebGraph = new MultiDirectedGraph();
  for (const [id, label, aliases] of entries) {
    const attributes: NodeAttributes = { label, type: "person", aliases, x: 0, y: 0, size: 1, color: "#000000" };
    graph.addNode(id, attributes);
  }
  return graph;
}

describe("web search", () => {
  describe("createSearchIndex", () => {
    const search = createSearchIndex(
      graphOf([
        ["ua", "Ukraine", ["Kyiv", "Kiev"]],
        ["uk", "United Kingdom", ["Britain"]],
        ["mp", "Mykhailo Podolyak", ["Podolyak", "Mykhailo Podoliak"]],
        ["ur", "Ukrainian neutrality", []],
        ["uw", "Ukraine war", []],
        ["pt", "Ukraine–Russia peace talks", []],
        ["ab", "Antony Blinken", ["Blinken"]],
      ]),
      { limit: 3 },
    );

    it("returns nothing for an empty or blank query", () => {
      expect(search("")).toEqual([]);
      expect(search("   ")).toEqual([]);
    });

    it("finds an entity by an alias, whatever its accents and case, and says which alias matched", () => {
      const [hit] = search("KYÏV");
      expect(hit).toMatchObject({ id: "ua", label: "Ukraine", matched: "Kyiv" });
    });

    it("ranks an exact label above a longer label that starts with the query", () => {
      expect(search("ukraine").map((h) => h.id)).toEqual(["ua", "uw", "pt"]);
    });

    it("matches the start of a later word and substrings; equally good matches come shortest first", () => {
      expect(search("podol").map((h) => h.id)).toEqual(["mp"]);
      expect(search("neutral").map((h) => h.id)).toEqual(["ur"]);
      expect(search("krain").map((h) => h.id)).toEqual(["ua", "uw", "ur"]);
    });

    it("folds punctuation the way the API does: dashes and hyphens are spaces", () => {
      expect(search("ukraine russia")[0]).toMatchObject({ id: "pt", matched: null });
      expect(search("antony-blinken")[0]).toMatchObject({ id: "ab", matched: null });
    });

    it("returns at most `limit` hits", () => {
      expect(search("i").length).toBe(3);
    });
  });
});
