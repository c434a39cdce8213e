import { describe, expect, it } from "vitest";
import { findPaths } from "../../src/paths/index.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { bestShortest, brutePaths, graphOf, randomGraph, RANDOM_PREDICATES, type BruteFilters } from "./fixtures.ts";

const ids = (path: { nodes: { id: string }[] }) => path.nodes.map((n) => n.id).join(">");

/**
 * s reaches t through m1 and m2 (s's slice lists m1 first). The extra in-edges of m1 and m2 make the backward side
 * cheaper to grow first, so the forward side then meets it at m1 and must still weigh m2 in the same layer.
 */
function twoMeetings(first: number, second: number) {
  return graphOf([
    ["s", "supports", "m1", first],
    ["s", "supports", "m2", second],
    ["s", "supports", "dead_end", 0.9],
    ["m1", "supports", "t", 0.5],
    ["m2", "supports", "t", 0.5],
    ["p", "supports", "m1", 0.5],
    ["q", "supports", "m1", 0.5],
    ["r", "supports", "m2", 0.5],
    ["w", "supports", "m2", 0.5],
  ]);
}

/** Random queries on seeded random graphs of a few hundred nodes, with random filters. */
function* mediumCases(count: number, seed: number) {
  const random = mulberry32(seed);
  for (let c = 0; c < count; c++) {
    const n = 50 + Math.floor(random() * 250);
    const graph = randomGraph(5000 + c, n, Math.floor(n * (1.5 + random() * 3)));
    const filters: BruteFilters = {
      maxHops: 2 + Math.floor(random() * 7),
      directed: random() < 0.5,
      predicates: random() < 0.25 ? RANDOM_PREDICATES.slice(0, 3) : null,
      exclude: random() < 0.25 ? Array.from({ length: 5 }, () => `n${Math.floor(random() * n)}`) : [],
      minConfidence: random() < 0.25 ? 0.2 : 0,
    };
    yield { c, graph, filters, from: `n${Math.floor(random() * n)}`, to: `n${Math.floor(random() * n)}` };
  }
}

describe("paths", () => {
  describe("bidirectional search", () => {
    it("weighs every meeting node of the layer in which the two sides meet, not only the first", () => {
      const { paths } = findPaths(twoMeetings(0.2, 0.9), "s", "t", { directed: true });
      expect(paths.map(ids)).toEqual(["s>m2>t"]);
      expect(paths[0].confidence).toBeCloseTo(1.4);
    });

    it("keeps the first meeting node found when two are equally confident", () => {
      expect(findPaths(twoMeetings(0.6, 0.6), "s", "t", { directed: true }).paths.map(ids)).toEqual(["s>m1>t"]);
    });

    it("takes the more confident of two hops into the node where the sides meet", () => {
      const graph = graphOf([
        ["s", "supports", "a", 0.1],
        ["s", "supports", "b", 0.9],
        ["a", "supports", "t", 0.5],
        ["b", "supports", "t", 0.5],
      ]);
      expect(findPaths(graph, "s", "t", { directed: true }).paths.map(ids)).toEqual(["s>b>t"]);
    });

    it("finds the fewest hops and the best confidence among them on graphs of hundreds of nodes", () => {
      let found = 0;
      for (const { c, graph, filters, from, to } of mediumCases(80, 77)) {
        const expected = bestShortest(graph, from, to, filters);
        const { paths, truncated } = findPaths(graph, from, to, { ...filters, k: 1 });
        expect(truncated, `case ${c}`).toBe(false);
        const got = paths.map((p) => `${p.hops}:${p.confidence.toFixed(6)}`);
        expect(got, `case ${c}`).toEqual(expected ? [`${expected.hops}:${expected.confidence.toFixed(6)}`] : []);
        if (expected && expected.hops >= 3) found++;
      }
      expect(found).toBeGreaterThan(20);
    });

    it("agrees with the brute force on the k best paths of mid-sized graphs (Yen's spur searches)", () => {
      const random = mulberry32(404);
      for (let c = 0; c < 40; c++) {
        const n = 25 + Math.floor(random() * 20);
        const graph = randomGraph(9000 + c, n, Math.floor(n * 2.5));
        const filters: BruteFilters = {
          maxHops: 4,
          directed: random() < 0.5,
          predicates: null,
          exclude: random() < 0.3 ? [`n${Math.floor(random() * n)}`] : [],
          minConfidence: 0,
        };
        const [from, to] = [`n${Math.floor(random() * n)}`, `n${Math.floor(random() * n)}`];
        const k = 1 + Math.floor(random() * 8);
        const expected = brutePaths(graph, from, to, filters).slice(0, k);
        const { paths } = findPaths(graph, from, to, { ...filters, k });
        const summary = (list: { hops: number; confidence: number }[]) =>
          list.map((p) => `${p.hops}:${p.confidence.toFixed(6)}`);
        expect(summary(paths), `case ${c}`).toEqual(summary(expected));
      }
    });
  });
});
