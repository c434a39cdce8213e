import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { boundedLevenshtein, normalizeName, searchEntities, suggestEntities } from "../../src/search/index.ts";
import { entity } from "../paths/fixtures.ts";

function sample(): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  graph.addNode("ukraine", entity("Ukraine", ["Kyiv", "Kiev"], "country"));
  graph.addNode("ukrainian-neutrality", entity("Ukrainian neutrality", [], "concept"));
  graph.addNode("russia-ukraine-war", entity("Russia–Ukraine war", [], "event"));
  graph.addNode("turkey", entity("Turkey", ["Türkiye"], "country"));
  graph.addNode("peace-talks", entity("Peace talks", ["the negotiations"], "event"));
  return graph;
}

describe("search", () => {
  describe("normalizeName", () => {
    it("folds case, accents and punctuation into single spaces", () => {
      expect(normalizeName("  Türkiye’s  Erdoğan-Era ")).toBe("turkiye s erdogan era");
      expect(normalizeName("!!!")).toBe("");
      expect(normalizeName("Antony-BLINKEN\tSr.")).toBe("antony blinken sr");
    });
  });

  describe("searchEntities", () => {
    const graph = sample();

    it("returns [] for a query without letters or digits", () => {
      expect(searchEntities(graph, " -- ")).toEqual([]);
    });

    it("ranks an exact name first, then whole words, then prefixes, then substrings", () => {
      const hits = searchEntities(graph, "ukraine");
      expect(hits.map((h) => h.id)).toEqual(["ukraine", "russia-ukraine-war"]);
      expect(hits[0]).toEqual({ id: "ukraine", label: "Ukraine", type: "country", score: 1 });
      expect(searchEntities(graph, "ukr").map((h) => h.id)).toEqual([
        "ukraine",
        "ukrainian-neutrality",
        "russia-ukraine-war",
      ]);
      expect(searchEntities(graph, "rain").map((h) => h.id)).toEqual([
        "ukraine",
        "russia-ukraine-war",
        "ukrainian-neutrality",
      ]);
    });

    it("matches aliases case- and accent-insensitively", () => {
      expect(searchEntities(graph, "TURKIYE")[0]).toMatchObject({ id: "turkey", score: 1 });
      expect(searchEntities(graph, "negotiations")[0]).toMatchObject({ id: "peace-talks" });
    });

    it("honours the limit and the type filter", () => {
      expect(searchEntities(graph, "u", { limit: 2 })).toHaveLength(2);
      expect(searchEntities(graph, "ukr", { types: ["event"] }).map((h) => h.id)).toEqual(["russia-ukraine-war"]);
    });

    it("keeps scores in (0, 1] and sorted", () => {
      const hits = searchEntities(graph, "a", { limit: 100 });
      expect(hits.map((h) => h.id)).not.toContain("turkey");
      expect(hits).toHaveLength(4);
      for (let i = 0; i < hits.length; i++) {
        expect(hits[i].score).toBeGreaterThan(0);
        expect(hits[i].score).toBeLessThanOrEqual(1);
        if (i > 0) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
      }
    });
  });

  describe("suggestEntities", () => {
    it("suggests the entities a few typos away, closest first", () => {
      const hits = suggestEntities(sample(), "Ukrane");
      expect(hits[0]).toMatchObject({ id: "ukraine" });
      expect(suggestEntities(sample(), "zzzzzz")).toEqual([]);
      expect(suggestEntities(sample(), "Ekraine")[0]).toMatchObject({ id: "ukraine" });
      expect(suggestEntities(sample(), "Russa Ukraine wr")[0]).toMatchObject({ id: "russia-ukraine-war" });
    });
  });

  describe("boundedLevenshtein", () => {
    it("counts edits and gives up beyond the bound", () => {
      expect(boundedLevenshtein("kitten", "sitting", 5)).toBe(3);
      expect(boundedLevenshtein("kitten", "sitting", 1)).toBe(2);
      expect(boundedLevenshtein("", "abc", 5)).toBe(3);
    });
  });
});
