import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { communitiesOf } from "../../src/graph/communities.ts";

/** Two triangles joined by one edge. */
function twoCliques(): Graph {
  const g = new Graph({ multi: true });
  for (const n of ["a", "b", "c", "x", "y", "z"]) g.addNode(n);
  for (const [s, t] of [
    ["a", "b"],
    ["b", "c"],
    ["c", "a"],
    ["x", "y"],
    ["y", "z"],
    ["z", "x"],
    ["c", "x"],
  ])
    g.addEdge(s, t);
  return g;
}

describe("graph", () => {
  describe("communities", () => {
    it("splits two cliques joined by one edge, by graphology's Louvain below the size and the compact one past it", () => {
      for (const louvainMaxNodes of [100, 3]) {
        const community = communitiesOf(twoCliques(), { louvainMaxNodes });
        expect(community("a")).toBe(community("b"));
        expect(community("x")).toBe(community("z"));
        expect(community("a")).not.toBe(community("x"));
      }
    });

    it("gives every node of a graph without edges community 0", () => {
      const g = new Graph();
      g.addNode("a");
      g.addNode("b");
      const community = communitiesOf(g);
      expect([community("a"), community("b")]).toEqual([0, 0]);
    });
  });
});
