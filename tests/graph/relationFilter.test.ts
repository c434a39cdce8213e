/**
 * Relation filter: a relation is in a window when one of its documents is dated within it, kept when enough distinct
 * documents state it, and the filtered graph keeps the nodes its relations and dated documents justify.
 */
import { describe, expect, it } from "vitest";
import { filterGraph, NO_RELATION_FILTER, relationTest, type RelationFilter } from "../../src/graph/relationFilter.ts";
import { documentDates, reportingOf } from "../../src/graph/reporting.ts";
import { DATED_RELATIONS, datedGraph } from "../helpers/datedGraph.ts";

const graph = datedGraph();

function kept(filter: Partial<RelationFilter>): string[] {
  const test = relationTest(graph, { ...NO_RELATION_FILTER, ...filter });
  return graph.filterEdges((_edge, attributes) => test(attributes));
}

describe("relationTest", () => {
  it("keeps every relation without a window or a minimum", () => {
    expect(kept({})).toEqual(DATED_RELATIONS.map(([key]) => key));
  });

  it("keeps a relation when any of its documents is dated within the window, bounds included", () => {
    expect(kept({ since: "2022-03-01" })).toEqual(["bc", "ad", "dc"]);
    expect(kept({ until: "2022-01-10" })).toEqual(["ab", "ad", "dc"]);
    expect(kept({ since: "2022-02-01", until: "2022-02-28" })).toEqual(["ab", "dc"]);
    expect(kept({ since: "2022-04-01" })).toEqual([]);
  });

  it("puts a relation stated only by undated documents in no window", () => {
    expect(kept({ since: "0001-01-01" })).not.toContain("ce");
  });

  it("counts distinct documents for minSupport", () => {
    expect(kept({ minSupport: 2 })).toEqual(["ab", "ad", "dc"]);
    expect(kept({ minSupport: 3 })).toEqual(["dc"]);
    expect(kept({ minSupport: 4 })).toEqual([]);
  });
});

describe("reportingOf", () => {
  it("gives support and the first and last dates of a relation's documents", () => {
    const dates = documentDates(graph);
    expect(reportingOf(graph.getEdgeAttribute("dc", "evidence"), dates)).toEqual({
      support: 3,
      firstReported: "2022-01-10",
      lastReported: "2022-03-20",
    });
    expect(reportingOf(graph.getEdgeAttribute("ce", "evidence"), dates)).toEqual({ support: 1 });
    expect(reportingOf(undefined, dates)).toEqual({ support: 0 });
  });
});

describe("filterGraph", () => {
  it("returns the graph itself when nothing is filtered", () => {
    expect(filterGraph(graph, NO_RELATION_FILTER, "kept")).toBe(graph);
  });

  it("keeps the nodes of kept relations, or all nodes when asked", () => {
    const filter = { ...NO_RELATION_FILTER, minSupport: 3 };
    const keptNodes = filterGraph(graph, filter, "kept");
    expect(keptNodes.edges()).toEqual(["dc"]);
    expect(keptNodes.nodes().sort()).toEqual(["c", "d"]);
    expect(filterGraph(graph, filter, "all").nodes().sort()).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("keeps a node with a document dated in the window even when none of its relations is", () => {
    const march = { ...NO_RELATION_FILTER, since: "2022-03-01" };
    expect(filterGraph(datedGraph(), march, "kept").hasNode("e")).toBe(false);
    const named = datedGraph();
    // e is now named in March's document too, while c→e is still stated only by the undated one.
    named.setNodeAttribute("e", "documents", ["d4", "d3"]);
    const filtered = filterGraph(named, march, "kept");
    expect(filtered.hasNode("e")).toBe(true);
    expect(filtered.hasEdge("ce")).toBe(false);
  });

  it("answers the same window from its cache and a new graph afresh", () => {
    const filter = { ...NO_RELATION_FILTER, since: "2022-02-01" };
    expect(filterGraph(graph, filter, "kept")).toBe(filterGraph(graph, filter, "kept"));
    expect(filterGraph(datedGraph(), filter, "kept")).not.toBe(filterGraph(graph, filter, "kept"));
  });
});
