import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { selectSubset, SubsetError } from "../../src/export/subset.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { entityAttributes as entity, relationAttributes as relation } from "../helpers/attributes.ts";

/** a → b → c → d, a → e (a person, b–d countries, e a concept); a second, parallel a → b. */
function chain(): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  graph.addNode("a", entity("Alice Adams", "person"));
  for (const id of ["b", "c", "d"]) graph.addNode(id, entity(`Country ${id}`, "country"));
  graph.addNode("e", entity("Energy", "concept"));
  graph.addDirectedEdgeWithKey("ab", "a", "b", relation("works_for"));
  graph.addDirectedEdgeWithKey("ab2", "a", "b", relation("opposes"));
  graph.addDirectedEdgeWithKey("bc", "b", "c", relation("opposes"));
  graph.addDirectedEdgeWithKey("cd", "c", "d", relation("opposes"));
  graph.addDirectedEdgeWithKey("ae", "a", "e", relation("seeks"));
  return graph;
}

/** A seeded random multigraph of people, countries and concepts, with parallel edges. */
function randomGraph(order: number, size: number, seed: number): KnowledgeGraph {
  let state = seed;
  const next = (n: number) => ((state = (state * 1103515245 + 12345) >>> 0) >>> 8) % n;
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  const types = ["person", "country", "concept"] as const;
  for (let i = 0; i < order; i++) graph.addNode(`n${i}`, entity(`Entity ${i}`, types[next(types.length)]));
  for (let i = 0; i < size; i++)
    graph.addDirectedEdgeWithKey(`e${i}`, `n${next(order)}`, `n${next(order)}`, relation("opposes"));
  return graph;
}

/** Breadth-first, along and against edges: the oracle for ego graphs. */
function withinHops(graph: KnowledgeGraph, center: string, depth: number): Set<string> {
  let reached = new Set([center]);
  for (let hop = 0; hop < depth; hop++) {
    const grown = new Set(reached);
    for (const node of reached) for (const n of graph.neighbors(node)) grown.add(n);
    reached = grown;
  }
  return reached;
}

describe("export", () => {
  describe("selectSubset", () => {
    it("returns the graph itself when nothing is filtered", () => {
      const graph = chain();
      expect(selectSubset(graph, {})).toBe(graph);
    });

    it("keeps the asked types and only the edges between kept nodes", () => {
      const subset = selectSubset(chain(), { types: ["country"] });
      expect(subset.nodes()).toEqual(["b", "c", "d"]);
      expect(subset.edges()).toEqual(["bc", "cd"]);
    });

    it("keeps the asked predicates and drops the entities they leave alone", () => {
      const subset = selectSubset(chain(), { predicates: ["opposes"] });
      expect(subset.edges()).toEqual(["ab2", "bc", "cd"]);
      expect(subset.nodes()).toEqual(["a", "b", "c", "d"]);
    });

    it("walks an ego graph along and against edges up to depth", () => {
      expect(selectSubset(chain(), { node: "c", depth: 1 }).nodes().sort()).toEqual(["b", "c", "d"]);
      expect(selectSubset(chain(), { node: "c", depth: 2 }).edges().sort()).toEqual(["ab", "ab2", "bc", "cd"]);
    });

    it("resolves an entity by name as well as by id", () => {
      expect(selectSubset(chain(), { node: "Energy" }).nodes().sort()).toEqual(["a", "e"]);
    });

    it("keeps the nodes and edges of the k shortest paths, and nothing else", () => {
      const graph = chain();
      graph.addDirectedEdgeWithKey("ad", "a", "d", relation("seeks"));
      expect(selectSubset(graph, { from: "e", to: "c" }).nodes().sort()).toEqual(["a", "b", "c", "e"]);
      const two = selectSubset(graph, { from: "a", to: "c", k: 2 });
      expect(two.nodes().sort()).toEqual(["a", "b", "c", "d"]);
      // A path walks one edge per hop: of the parallel a → b edges, only the one the path took.
      expect(
        two
          .edges()
          .filter((e) => e !== "ab" && e !== "ab2")
          .sort(),
      ).toEqual(["ad", "bc", "cd"]);
      expect(two.size).toBe(4);
    });

    it("gives an empty graph, not an error, when nothing matches", () => {
      const subset = selectSubset(chain(), { types: ["event"] });
      expect([subset.order, subset.size]).toEqual([0, 0]);
    });

    it("names an unknown entity with a suggestion", () => {
      expect(() => selectSubset(chain(), { node: "Alise Adams" })).toThrow(SubsetError);
      expect(() => selectSubset(chain(), { node: "zzz" })).toThrow(/node "zzz" is not an entity/);
    });

    it("lists the candidates of an ambiguous name", () => {
      expect(() => selectSubset(chain(), { node: "Country" })).toThrow(/matches .*Country b.*give the id/);
    });

    it("refuses predicates no relation uses, listing those that are", () => {
      expect(() => selectSubset(chain(), { predicates: ["opose"] })).toThrow(
        /no relation uses "opose"; predicates in the graph: opposes, seeks, works_for/,
      );
    });

    it("accepts a list that also names predicates the graph does not use", () => {
      expect(selectSubset(chain(), { predicates: ["seeks", "mediates"] }).edges()).toEqual(["ae"]);
    });

    it("selects the same ego graph as a filter over every edge, in the graph's order", () => {
      const graph = randomGraph(300, 900, 11);
      for (const [center, depth] of [
        ["n0", 1],
        ["n17", 2],
        ["n150", 1],
      ] as const) {
        const within = withinHops(graph, center, depth);
        const subset = selectSubset(graph, { node: center, depth, types: ["person", "country"] });
        const kept = (n: string) => within.has(n) && ["person", "country"].includes(graph.getNodeAttribute(n, "type"));
        expect(subset.nodes()).toEqual(graph.filterNodes(kept));
        expect(new Set(subset.edges())).toEqual(new Set(graph.filterEdges((_e, _a, s, t) => kept(s) && kept(t))));
      }
    });

    it("copies attributes, so changing the subset leaves the served graph alone", () => {
      const graph = chain();
      selectSubset(graph, { types: ["person"] }).setNodeAttribute("a", "label", "changed");
      expect(graph.getNodeAttribute("a", "label")).toBe("Alice Adams");
    });
  });
});
