import { describe, expect, it } from "vitest";
import { findPaths, type PathResult } from "../../src/paths/index.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { brutePaths, graphOf, randomGraph, RANDOM_PREDICATES, type BruteFilters } from "./fixtures.ts";

const NO_FILTERS: BruteFilters = { maxHops: 6, directed: false, predicates: null, exclude: [], minConfidence: 0 };

/** Checks that each path is simple, walks existing edges the way it says, and honours the filters. */
function expectWellFormed(graph: KnowledgeGraph, from: string, to: string, paths: PathResult[], f: BruteFilters) {
  for (const path of paths) {
    const ids = path.nodes.map((n) => n.id);
    expect(ids[0]).toBe(from);
    expect(ids[ids.length - 1]).toBe(to);
    expect(new Set(ids).size).toBe(ids.length);
    expect(path.hops).toBe(path.edges.length);
    expect(path.hops).toBeLessThanOrEqual(f.maxHops);
    path.edges.forEach((edge, i) => {
      const [a, b] = edge.direction === "forward" ? [ids[i], ids[i + 1]] : [ids[i + 1], ids[i]];
      expect(graph.source(edge.id)).toBe(a);
      expect(graph.target(edge.id)).toBe(b);
      expect([edge.source, edge.target]).toEqual([a, b]);
      if (f.directed) expect(edge.direction).toBe("forward");
      if (f.predicates) expect(f.predicates).toContain(edge.predicate);
      expect(edge.confidence).toBeGreaterThanOrEqual(f.minConfidence);
      expect(edge.evidence.length).toBeGreaterThan(0);
    });
    for (const id of ids.slice(1, -1)) expect(f.exclude).not.toContain(id);
  }
  const keys = paths.map((p) => p.nodes.map((n) => n.id).join(">"));
  expect(new Set(keys).size).toBe(keys.length);
  for (let i = 1; i < paths.length; i++) {
    const [a, b] = [paths[i - 1], paths[i]];
    expect(a.hops < b.hops || (a.hops === b.hops && a.confidence >= b.confidence - 1e-9)).toBe(true);
  }
}

const summary = (paths: { hops: number; confidence: number }[]) =>
  paths.map((p) => `${p.hops}:${p.confidence.toFixed(6)}`);

/** Random queries on seeded random graphs, with random filters. */
function* randomCases(count: number) {
  const random = mulberry32(20260);
  for (let c = 0; c < count; c++) {
    const n = 6 + Math.floor(random() * 10);
    const graph = randomGraph(1000 + c, n, Math.floor(n * (1 + random() * 2)));
    const filters: BruteFilters = {
      maxHops: 1 + Math.floor(random() * 5),
      directed: random() < 0.3,
      predicates: random() < 0.3 ? RANDOM_PREDICATES.slice(0, 2) : null,
      exclude: random() < 0.3 ? [`n${Math.floor(random() * n)}`] : [],
      minConfidence: random() < 0.3 ? 0.3 : 0,
    };
    const from = `n${Math.floor(random() * n)}`;
    const to = `n${Math.floor(random() * n)}`;
    yield { c, graph, filters, from, to };
  }
}

/** a → hub → b in two hops, or the three-hop detour a → x → y → b. */
const HUB_OR_DETOUR: Parameters<typeof graphOf>[0] = [
  ["a", "supports", "hub"],
  ["hub", "supports", "b"],
  ["a", "supports", "x"],
  ["x", "supports", "y"],
  ["y", "supports", "b"],
];

describe("paths", () => {
  describe("findPaths", () => {
    it("throws naming the id when an endpoint is not in the graph", () => {
      const graph = graphOf([["a", "supports", "b"]]);
      expect(() => findPaths(graph, "a", "zz")).toThrow(/paths: the target "zz" is not an entity/);
      expect(() => findPaths(graph, "zz", "a")).toThrow(/paths: the source "zz"/);
    });

    it("returns one zero-hop path when both ends are the same entity", () => {
      const graph = graphOf([["a", "supports", "b"]]);
      const { paths } = findPaths(graph, "a", "a", { k: 3 });
      expect(paths).toHaveLength(1);
      expect(paths[0]).toMatchObject({ hops: 0, edges: [], nodes: [{ id: "a" }], text: "a" });
    });

    it("returns no path when the target is unreachable", () => {
      const graph = graphOf([
        ["a", "supports", "b"],
        ["c", "supports", "d"],
      ]);
      expect(findPaths(graph, "a", "d")).toEqual({ paths: [], truncated: false });
    });

    it("says each hop's modality, stance, review status and kind", () => {
      const graph = graphOf([["a", "supports", "b"]]);
      graph.mergeEdgeAttributes("e0", { modality: "proposed", stance: "supports", status: "candidate", kind: "typed" });
      expect(findPaths(graph, "a", "b").paths[0].edges[0]).toMatchObject({
        modality: "proposed",
        stance: "supports",
        status: "candidate",
        kind: "typed",
      });
    });

    it("passes only through entities of the given types, its two ends excepted", () => {
      const graph = graphOf(HUB_OR_DETOUR);
      graph.mergeNodeAttributes("hub", { type: "organization" });
      graph.mergeNodeAttributes("a", { type: "country" });
      expect(findPaths(graph, "a", "b").paths[0].nodes.map((n) => n.id)).toEqual(["a", "hub", "b"]);
      const { paths } = findPaths(graph, "a", "b", { types: ["person"] });
      expect(paths[0].nodes.map((n) => n.id)).toEqual(["a", "x", "y", "b"]);
    });

    it("leaves relations awaiting review out when candidates is false", () => {
      const graph = graphOf(HUB_OR_DETOUR);
      graph.mergeEdgeAttributes("e1", { status: "candidate" });
      expect(findPaths(graph, "a", "b").paths[0].hops).toBe(2);
      const { paths } = findPaths(graph, "a", "b", { candidates: false, k: 3 });
      expect(paths.map((p) => p.nodes.map((n) => n.id).join(">"))).toEqual(["a>x>y>b"]);
      expect(findPaths(graph, "a", "b", { candidates: false, mode: "all" }).paths).toHaveLength(1);
    });

    it("walks an edge backwards unless directed, and says which way each hop points", () => {
      const graph = graphOf([
        ["a", "supports", "b"],
        ["c", "opposes", "b"],
      ]);
      const { paths } = findPaths(graph, "a", "c");
      expect(paths[0].edges.map((e) => e.direction)).toEqual(["forward", "backward"]);
      expect(paths[0].text).toBe("a — supports → b ← opposes — c");
      expect(findPaths(graph, "a", "c", { directed: true }).paths).toEqual([]);
    });

    it("does not find paths longer than maxHops", () => {
      const graph = graphOf([
        ["a", "supports", "b"],
        ["b", "supports", "c"],
        ["c", "supports", "d"],
      ]);
      expect(findPaths(graph, "a", "d", { maxHops: 2 }).paths).toEqual([]);
      expect(findPaths(graph, "a", "d", { maxHops: 3 }).paths[0].hops).toBe(3);
    });

    it("prefers the more confident of two equally short paths, and the more confident parallel edge", () => {
      const graph = graphOf([
        ["a", "supports", "b", 0.5],
        ["b", "supports", "d", 0.5],
        ["a", "supports", "c", 0.6],
        ["c", "supports", "d", 0.5],
        ["c", "opposes", "d", 0.8],
      ]);
      const { paths } = findPaths(graph, "a", "d", { k: 5 });
      expect(paths.map((p) => p.nodes.map((n) => n.id).join(""))).toEqual(["acd", "abd"]);
      expect(paths[0].edges[1].predicate).toBe("opposes");
      expect(paths[0].confidence).toBeCloseTo(1.4);
    });

    it("avoids excluded entities but never excludes the endpoints", () => {
      const graph = graphOf(HUB_OR_DETOUR);
      expect(findPaths(graph, "a", "b", { exclude: ["hub"] }).paths[0].hops).toBe(3);
      expect(findPaths(graph, "a", "b", { exclude: ["a", "b"] }).paths[0].hops).toBe(2);
    });

    it("forgets a query's exclusions once it is answered", () => {
      const graph = graphOf(HUB_OR_DETOUR);
      expect(findPaths(graph, "a", "b", { exclude: ["hub"] }).paths[0].hops).toBe(3);
      expect(findPaths(graph, "a", "b").paths[0].hops).toBe(2);
      expect(findPaths(graph, "hub", "b").paths[0].hops).toBe(1);
    });

    it("uses only the allowed predicates and edges at or above minConfidence", () => {
      const graph = graphOf([
        ["a", "supports", "b", 0.4],
        ["a", "opposes", "b", 0.95],
      ]);
      expect(findPaths(graph, "a", "b", { predicates: ["supports"] }).paths[0].edges[0].id).toBe("e0");
      expect(findPaths(graph, "a", "b", { minConfidence: 0.95 }).paths[0].edges[0].id).toBe("e1");
      expect(findPaths(graph, "a", "b", { minConfidence: 0.96 }).paths).toEqual([]);
      expect(findPaths(graph, "a", "b", { predicates: ["unknown_predicate"] }).paths).toEqual([]);
    });

    it("sees a graph grow: the cached index is rebuilt when nodes or edges are added", () => {
      const graph = graphOf([["a", "supports", "b"]]);
      expect(findPaths(graph, "a", "b").paths).toHaveLength(1);
      graph.addNode("c", graph.getNodeAttributes("a"));
      graph.addDirectedEdgeWithKey("new", "b", "c", graph.getEdgeAttributes("e0"));
      expect(findPaths(graph, "a", "c").paths[0].hops).toBe(2);
    });

    describe("against an independent brute-force search on seeded random graphs", () => {
      it("finds the same shortest length and the best confidence among the shortest paths", () => {
        let compared = 0;
        for (const { c, graph, filters, from, to } of randomCases(150)) {
          const expected = brutePaths(graph, from, to, filters);
          const { paths, truncated } = findPaths(graph, from, to, { ...filters, k: 1 });
          expect(truncated, `case ${c}`).toBe(false);
          expect(summary(paths), `case ${c}`).toEqual(summary(expected.slice(0, 1)));
          if (expected.length > 0) compared++;
        }
        expect(compared).toBeGreaterThan(50);
      });

      it("returns the k best distinct simple paths, by length then confidence, honouring every filter", () => {
        for (const { c, graph, filters, from, to } of randomCases(150)) {
          const k = 1 + (c % 12);
          const expected = brutePaths(graph, from, to, filters);
          const { paths } = findPaths(graph, from, to, { ...filters, k });
          expect(summary(paths), `case ${c}`).toEqual(summary(expected.slice(0, k)));
          expectWellFormed(graph, from, to, paths, filters);
        }
      });

      it("enumerates exactly the simple paths in mode all", () => {
        for (const { c, graph, filters, from, to } of randomCases(100)) {
          const expected = brutePaths(graph, from, to, filters);
          const { paths, truncated } = findPaths(graph, from, to, { ...filters, mode: "all", limit: 100_000 });
          expect(truncated).toBe(false);
          const key = (ids: string[]) => ids.join(">");
          expect(paths.map((p) => key(p.nodes.map((n) => n.id))).sort(), `case ${c}`).toEqual(
            expected.map((p) => key(p.nodes)).sort(),
          );
          expect(summary(paths), `case ${c}`).toEqual(summary(expected));
          expectWellFormed(graph, from, to, paths, filters);
        }
      });
    });

    describe("mode all", () => {
      const dense = randomGraph(7, 14, 90);

      it("stops at the limit with the shortest paths first and says it was truncated", () => {
        const expected = brutePaths(dense, "n0", "n1", { ...NO_FILTERS, maxHops: 4 });
        expect(expected.length).toBeGreaterThan(20);
        const { paths, truncated } = findPaths(dense, "n0", "n1", { mode: "all", maxHops: 4, limit: 20 });
        expect(truncated).toBe(true);
        expect(paths).toHaveLength(20);
        expect(paths.map((p) => p.hops)).toEqual(expected.slice(0, 20).map((p) => p.hops));
      });

      it("is not truncated when the limit equals the number of paths", () => {
        const count = brutePaths(dense, "n0", "n1", { ...NO_FILTERS, maxHops: 3 }).length;
        const { paths, truncated } = findPaths(dense, "n0", "n1", { mode: "all", maxHops: 3, limit: count });
        expect([paths.length, truncated]).toEqual([count, false]);
      });

      it("stops when its time budget is spent and says it was truncated", () => {
        const clique = randomGraph(3, 40, 1500);
        const { truncated } = findPaths(clique, "n0", "n1", {
          mode: "all",
          maxHops: 8,
          limit: 1_000_000,
          timeBudgetMs: 5,
        });
        expect(truncated).toBe(true);
      });
    });
  });
});
