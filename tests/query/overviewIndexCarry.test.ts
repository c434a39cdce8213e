import { describe, expect, it } from "vitest";
import { overviewIndexOf, type OverviewIndex } from "../../src/query/overviewIndex.ts";
import { forgetOwner } from "../../src/util/ownerMaps.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { randomGraph } from "../paths/fixtures.ts";
import { randomWriter } from "../helpers/randomWrites.ts";

/** The index with its Maps as sorted entries, so that Maps filled in another order compare by content. */
function contents(index: OverviewIndex): Record<string, unknown> {
  return { ...index, byId: [...index.byId.keys()].sort(), groupOf: [...index.groupOf].sort() };
}

describe("overviewIndex", () => {
  describe("on a recycled graph", () => {
    it("rewrites the previous entity → group Map and answers as an index built from scratch, write after write", () => {
      const graph = randomGraph(13, 120, 300);
      const random = mulberry32(2);
      graph.forEachNode((node) => {
        graph.mergeNodeAttributes(node, { x: random() * 100, y: random() * 100, community: Math.floor(random() * 12) });
      });
      const write = randomWriter(4);
      let reused = 0;
      for (let round = 0; round < 30; round++) {
        const before = overviewIndexOf(graph, 8);
        forgetOwner(graph);
        write(graph);
        const carried = overviewIndexOf(graph, 8);
        expect(carried).not.toBe(before);
        expect(contents(carried)).toEqual(contents(overviewIndexOf(graph.copy(), 8)));
        if (carried.groupOf === before.groupOf) reused++;
      }
      expect(reused).toBe(30);
    });
  });
});
