import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { compactLouvain } from "../../src/graph/compactLouvain.ts";

/** Two cliques of `size` nodes ("a0"…, "b0"…), edges one way only, joined by a single edge a0 → b0. */
function twoCliques(size: number): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  for (const side of ["a", "b"]) {
    for (let i = 0; i < size; i++) graph.addNode(`${side}${i}`);
    for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) graph.addEdge(`${side}${i}`, `${side}${j}`);
  }
  graph.addEdge("a0", "b0");
  return graph;
}

/** `groups` groups of `size` nodes, each node linked to the next four of its group and every tenth to another group. */
function plantedGroups(groups: number, size: number): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  const key = (g: number, i: number) => `g${g}n${i}`;
  for (let g = 0; g < groups; g++) for (let i = 0; i < size; i++) graph.addNode(key(g, i));
  for (let g = 0; g < groups; g++) {
    for (let i = 0; i < size; i++) {
      for (let d = 1; d <= 4; d++) graph.addEdge(key(g, i), key(g, (i + d) % size));
      if (i % 10 === 0) graph.addEdge(key(g, i), key((g + 1) % groups, i));
    }
  }
  return graph;
}

function groupCount(communities: Map<string, number>): number {
  return new Set(communities.values()).size;
}

describe("graph", () => {
  describe("compactLouvain", () => {
    it("returns no community for an empty graph", () => {
      expect(compactLouvain(new MultiDirectedGraph()).size).toBe(0);
    });

    it("puts a single node in community 0", () => {
      const graph = new MultiDirectedGraph();
      graph.addNode("only");
      expect([...compactLouvain(graph)]).toEqual([["only", 0]]);
    });

    it("gives each node without edges a community of its own", () => {
      const graph = new MultiDirectedGraph();
      for (const node of ["x", "y", "z"]) graph.addNode(node);
      expect([...compactLouvain(graph)]).toEqual([
        ["x", 0],
        ["y", 1],
        ["z", 2],
      ]);
    });

    it("finds two cliques joined by one edge as two communities, whatever the edges' direction", () => {
      const communities = compactLouvain(twoCliques(6));
      expect(groupCount(communities)).toBe(2);
      for (let i = 1; i < 6; i++) {
        expect(communities.get(`a${i}`)).toBe(communities.get("a0"));
        expect(communities.get(`b${i}`)).toBe(communities.get("b0"));
      }
      expect(communities.get("a0")).not.toBe(communities.get("b0"));
    });

    it("numbers communities from 0 in the order of the nodes that first hold them", () => {
      const communities = compactLouvain(twoCliques(4));
      expect([communities.get("a0"), communities.get("b0")]).toEqual([0, 1]);
    });

    it("recovers planted groups merged over several levels", () => {
      const communities = compactLouvain(plantedGroups(5, 60));
      expect(groupCount(communities)).toBe(5);
      for (let g = 0; g < 5; g++) {
        const ids = new Set(Array.from({ length: 60 }, (_v, i) => communities.get(`g${g}n${i}`)));
        expect(ids.size).toBe(1);
      }
    });

    it("gives the same communities on every run", () => {
      const graph = plantedGroups(7, 40);
      expect([...compactLouvain(graph)]).toEqual([...compactLouvain(graph)]);
    });

    it("counts parallel edges and ignores self loops when grouping", () => {
      const graph = new MultiDirectedGraph();
      for (const node of ["a", "b", "c", "d"]) graph.addNode(node);
      // a–b and c–d are each held by three parallel edges, b–c by one; loops on a node do not pull others in.
      for (let k = 0; k < 3; k++) {
        graph.addEdge("a", "b");
        graph.addEdge("d", "c");
      }
      graph.addEdge("b", "c");
      graph.addEdge("c", "c");
      const communities = compactLouvain(graph);
      expect(communities.get("a")).toBe(communities.get("b"));
      expect(communities.get("c")).toBe(communities.get("d"));
      expect(communities.get("a")).not.toBe(communities.get("c"));
    });

    it("bounds its work by the sweeps and levels it is given", () => {
      const communities = compactLouvain(plantedGroups(5, 60), { maxLevels: 0 });
      expect(groupCount(communities)).toBe(300);
    });
  });
});
