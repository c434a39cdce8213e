/**
 * Finding entities as a reader types them: matches first, a typo forgiven when nothing matches, and a person ahead of
 * an organisation named after them.
 */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { findEntities, searchEntities, TIER_SCORES } from "../../src/search/index.ts";
import { entity } from "../paths/fixtures.ts";

function sample(): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  graph.addNode("marta-velasquez", entity("Marta Velasquez", ["Velasquez"], "person"));
  graph.addNode("velasquez-fund", entity("Velasquez Fund", [], "organization"));
  graph.addNode("orvana", entity("Orvana Systems", ["Orvana"], "organization"));
  graph.addNode("oslo", entity("Oslo", [], "location"));
  return graph;
}

describe("findEntities", () => {
  const graph = sample();

  it("answers what searchEntities answers when names contain the query", () => {
    for (const q of ["orvana", "osl", "systems", "velasquez fund"]) {
      expect(findEntities(graph, q)).toEqual(searchEntities(graph, q));
    }
  });

  it("forgives a typo when no name contains the query, scoring it below every match", () => {
    const [hit] = findEntities(graph, "orvanna");
    expect(hit).toMatchObject({ id: "orvana", label: "Orvana Systems", type: "organization" });
    expect(hit.score).toBeGreaterThan(0);
    expect(hit.score).toBeLessThan(TIER_SCORES.substring);
    expect(findEntities(graph, "Velaskez")[0]?.id).toBe("marta-velasquez");
  });

  it("keeps to the types asked for, typos included, and finds nothing for a query far from every name", () => {
    expect(findEntities(graph, "velaskez", { types: ["organization"] }).map((h) => h.id)).toEqual(["velasquez-fund"]);
    expect(findEntities(graph, "qqqqqqqq")).toEqual([]);
    expect(findEntities(graph, " -- ")).toEqual([]);
  });

  it("ranks a person above an organisation named after them when the query is the person's name", () => {
    // The label "Velasquez Fund" is shorter than "Marta Velasquez", so by length alone the query covers more of it.
    const graphWithoutAlias: KnowledgeGraph = new MultiDirectedGraph();
    graphWithoutAlias.addNode("marta-velasquez", entity("Marta Velasquez", [], "person"));
    graphWithoutAlias.addNode("velasquez-fund", entity("Velasquez Fund", [], "organization"));
    expect(findEntities(graphWithoutAlias, "velasquez").map((h) => h.id)).toEqual([
      "marta-velasquez",
      "velasquez-fund",
    ]);
    expect(findEntities(graphWithoutAlias, "Marta Velasquez")[0].id).toBe("marta-velasquez");
    // The organisation's own full name still finds it first.
    expect(findEntities(graphWithoutAlias, "velasquez fund")[0].id).toBe("velasquez-fund");
  });
});
