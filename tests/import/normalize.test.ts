import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { toKnowledgeGraph } from "../../src/import/normalize.ts";

const HINTS = { jsonKeys: new Set<string>() };

/** Two cliques of five nodes ("a0"…, "b0"…), labels only, joined by the edge a0 → b0. */
function bareCliques(): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  for (const side of ["a", "b"]) {
    for (let i = 0; i < 5; i++) graph.addNode(`${side}${i}`, { label: `${side} ${i}` });
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) graph.addEdge(`${side}${i}`, `${side}${j}`);
  }
  graph.addEdge("a0", "b0");
  return graph;
}

function communityOf(graph: MultiDirectedGraph): (node: string) => unknown {
  return (node) => graph.getNodeAttribute(node, "community");
}

describe("import", () => {
  describe("toKnowledgeGraph", () => {
    it("gives a file without communities those of the compact Louvain past louvainMaxNodes", () => {
      const graph = bareCliques();
      const community = communityOf(toKnowledgeGraph(graph, HINTS, { louvainMaxNodes: 4 }) as never);
      expect(new Set(graph.mapNodes((node) => community(node))).size).toBe(2);
      expect(community("a0")).toBe(0);
      expect(community("a4")).toBe(0);
      expect(community("b3")).toBe(1);
    });

    it("gives a smaller file the communities of graphology's Louvain", () => {
      const graph = bareCliques();
      const community = communityOf(toKnowledgeGraph(graph, HINTS) as never);
      expect(new Set(graph.mapNodes((node) => community(node))).size).toBe(2);
      expect(community("a1")).toBe(community("a4"));
      expect(community("a1")).not.toBe(community("b1"));
    });

    it("keeps the communities a file has", () => {
      const graph = bareCliques();
      graph.forEachNode((node) => graph.setNodeAttribute(node, "community", 7));
      const community = communityOf(toKnowledgeGraph(graph, HINTS, { louvainMaxNodes: 4 }) as never);
      expect(graph.everyNode((node) => community(node) === 7)).toBe(true);
    });

    it("fills a bare node and edge with the model's defaults, after the fields the file has", () => {
      const graph = new MultiDirectedGraph();
      graph.addNode("a", { label: "Alpha", type: "airport" });
      graph.addNode("b", { color: "#abc" });
      graph.addEdgeWithKey("ab", "a", "b", { label: "flies to", weight: 0.5 });
      const kg = toKnowledgeGraph(graph, HINTS, { typeColors: { concept: "#111111" } });
      const a = kg.getNodeAttributes("a");
      expect(Object.keys(a)).toEqual([
        "label",
        "type",
        "subtype",
        "aliases",
        "description",
        "documents",
        "source",
        "color",
        "size",
        "degree",
        "community",
        "x",
        "y",
      ]);
      expect(a).toMatchObject({ type: "concept", subtype: "airport", color: "#111111", degree: 1, aliases: [] });
      expect(kg.getNodeAttributes("b")).toMatchObject({ label: "b", color: "#aabbcc" });
      expect(kg.getEdgeAttributes("ab")).toEqual({
        label: "flies to",
        confidence: 0.5,
        predicate: "related_to",
        evidence: [],
        stance: "neutral",
        modality: "asserted",
        source: "extracted",
        kind: "open",
        status: "accepted",
      });
    });

    it("fills a multi directed graph's own attribute objects rather than copies", () => {
      const graph = new MultiDirectedGraph();
      const [node, edge] = [{ label: "a" }, { label: "loops" }];
      graph.addNode("a", node);
      graph.addEdgeWithKey("aa", "a", "a", edge);
      const kg = toKnowledgeGraph(graph, HINTS);
      expect(kg.getNodeAttributes("a")).toBe(node);
      expect(kg.getEdgeAttributes("aa")).toBe(edge);
      expect(edge).toMatchObject({ predicate: "related_to", kind: "open" });
    });

    it("places the nodes without a position inside the others' box, however many have one", () => {
      const graph = new MultiDirectedGraph();
      const positioned = 150_000;
      for (let i = 0; i < positioned; i++) graph.addNode(`n${i}`, { x: i % 100, y: -(i % 50) });
      graph.addNode("unplaced");
      toKnowledgeGraph(graph, HINTS);
      const { x, y } = graph.getNodeAttributes("unplaced");
      expect(x >= 0 && x <= 99 && y >= -49 && y <= 0).toBe(true);
    });
  });
});
