import { describe, expect, it } from "vitest";
import { overviewIndexOf } from "../../src/query/overviewIndex.ts";
import { graphOf } from "../paths/fixtures.ts";

/** A graph of `n` two-node communities whose members all sit at the same point, as a graph without a layout has. */
function stacked(n: number) {
  const graph = graphOf(
    Array.from({ length: n }, (_, i) => [`a${i}`, "supports", `b${i}`] as [string, string, string]),
  );
  graph.forEachNode((node) => {
    graph.mergeNodeAttributes(node, { x: 0, y: 0, community: Number(node.slice(1)) });
  });
  return graph;
}

describe("overviewIndex", () => {
  it("moves groups that all overlap in the middle apart, each to a place of its own", () => {
    const { groups } = overviewIndexOf(stacked(50), 200);
    const places = new Set(groups.map((g) => `${Math.round(g.x)},${Math.round(g.y)}`));
    expect(groups).toHaveLength(50);
    expect(places.size).toBe(50);
  });

  it('keys its groups with "group:" when no entity or relation key starts with it', () => {
    expect(overviewIndexOf(stacked(2), 200).prefix).toBe("group:");
  });

  it("keys its groups with the first prefix of added tildes that no entity or relation key starts with", () => {
    const graph = stacked(2);
    graph.addNode("group:x", graph.getNodeAttributes("a0"));
    graph.addNode("~~group:y", graph.getNodeAttributes("a0"));
    graph.addDirectedEdgeWithKey("~group:z", "a0", "b0", graph.getEdgeAttributes("e0"));
    graph.addNode("x~group:", graph.getNodeAttributes("a0"));
    expect(overviewIndexOf(graph, 200).prefix).toBe("~~~group:");
  });
});
