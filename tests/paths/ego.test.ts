/**
 * The ego walk shared by GET /api/nodes/:id/neighbors and ego-graph exports.
 */
import { describe, expect, it } from "vitest";
import { egoWalk, pathIndexOf } from "../../src/paths/index.ts";
import { graphOf } from "./fixtures.ts";

// a → b → c → d, and e → b: walked against the edges too.
const GRAPH = graphOf([
  ["a", "supports", "b"],
  ["b", "supports", "c"],
  ["c", "supports", "d"],
  ["e", "opposes", "b"],
]);

/** The walk's nodes by key with their hop counts. */
function walk(center: string, depth: number, limit?: number): { levels: Record<string, number>; truncated: boolean } {
  const index = pathIndexOf(GRAPH);
  const { levels, truncated } = egoWalk(index, center, depth, limit);
  return { levels: Object.fromEntries([...levels].map(([v, d]) => [index.nodes[v], d])), truncated };
}

describe("paths", () => {
  describe("egoWalk", () => {
    it("reaches the neighbours along and against edges, each at its hop count", () => {
      expect(walk("b", 1)).toEqual({ levels: { b: 0, a: 1, c: 1, e: 1 }, truncated: false });
      expect(walk("a", 2).levels).toEqual({ a: 0, b: 1, c: 2, e: 2 });
    });

    it("stops at limit nodes, the center included, and says it was cut short", () => {
      const { levels, truncated } = walk("b", 2, 2);
      expect(Object.keys(levels)).toHaveLength(2);
      expect(levels.b).toBe(0);
      expect(truncated).toBe(true);
    });
  });
});
