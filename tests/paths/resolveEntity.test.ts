import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { resolveEntity } from "../../src/paths/index.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { entity } from "./fixtures.ts";

function people(): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  graph.addNode("antony-blinken", entity("Antony Blinken", ["Tony Blinken"]));
  graph.addNode("jake-sullivan", entity("Jake Sullivan"));
  graph.addNode("sullivan-institute", entity("Sullivan Institute", [], "organization"));
  graph.addNode("anna-smith", entity("Anna Smith", ["A. Smith"]));
  graph.addNode("john-smith", entity("John Smith", ["A. Smith"]));
  graph.addNode("zelensky", entity("Volodymyr Zelenskyy", ["Zelensky"]));
  graph.addNode("zelensky-administration", entity("Zelensky administration", [], "organization"));
  return graph;
}

describe("paths", () => {
  describe("resolveEntity", () => {
    const graph = people();

    it("takes an exact id as it is", () => {
      expect(resolveEntity(graph, "jake-sullivan")).toEqual({ type: "found", id: "jake-sullivan" });
    });

    it("finds a label or alias whatever its case, accents and punctuation", () => {
      expect(resolveEntity(graph, "  antony BLINKEN ")).toEqual({ type: "found", id: "antony-blinken" });
      expect(resolveEntity(graph, "Tóny Blinken")).toEqual({ type: "found", id: "antony-blinken" });
    });

    it("takes a unique surname", () => {
      expect(resolveEntity(graph, "Blinken")).toEqual({ type: "found", id: "antony-blinken" });
    });

    it("lets an exact alias win over entities that merely contain the word", () => {
      expect(resolveEntity(graph, "Zelensky")).toEqual({ type: "found", id: "zelensky" });
    });

    it("calls a tie between equally good matches ambiguous and lists the candidates", () => {
      const match = resolveEntity(graph, "Sullivan");
      expect(match.type).toBe("ambiguous");
      if (match.type !== "ambiguous") return;
      expect(match.candidates.map((c) => c.id).sort()).toEqual(["jake-sullivan", "sullivan-institute"]);
      expect(resolveEntity(graph, "a smith")).toMatchObject({ type: "ambiguous" });
    });

    it("suggests close names for a misspelt one", () => {
      const match = resolveEntity(graph, "Blinkn");
      expect(match).toMatchObject({
        type: "unknown",
        suggestions: [{ id: "antony-blinken", label: "Antony Blinken" }],
      });
    });

    it("does not take a text found only inside a word, but suggests its entity", () => {
      expect(resolveEntity(graph, "inken")).toMatchObject({ type: "unknown", suggestions: [{ id: "antony-blinken" }] });
    });

    it("answers unknown with no suggestions when nothing is close", () => {
      expect(resolveEntity(graph, "qqqqqqqq")).toEqual({ type: "unknown", suggestions: [] });
      expect(resolveEntity(graph, "  ")).toEqual({ type: "unknown", suggestions: [] });
    });
  });
});
