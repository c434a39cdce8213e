import { describe, expect, it } from "vitest";
import { findPaths } from "../../src/paths/findPaths.ts";
import { buildPathIndex, pathIndexOf, seedPathIndex, type PathIndex } from "../../src/paths/pathIndex.ts";
import { forgetOwner } from "../../src/util/ownerMaps.ts";
import { randomWriter } from "../helpers/randomWrites.ts";
import { randomGraph } from "./fixtures.ts";

/** Every column as plain lists, so that indexes in buffers of different sizes compare by content. */
function columns(index: PathIndex): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(index).map(([key, value]) => [
      key,
      ArrayBuffer.isView(value) ? Array.from(value as Int32Array) : value instanceof Map ? [...value].sort() : value,
    ]),
  );
}

describe("paths", () => {
  describe("pathIndexOf on a recycled graph", () => {
    it("rewrites the previous index's memory and answers as an index built from scratch, write after write", () => {
      const graph = randomGraph(11, 80, 300);
      const write = randomWriter(5);
      let reusedBuffers = 0;
      for (let round = 0; round < 40; round++) {
        const before = pathIndexOf(graph);
        forgetOwner(graph);
        write(graph);
        const carried = pathIndexOf(graph);
        const fresh = buildPathIndex(graph.copy());
        expect(carried).not.toBe(before);
        expect(columns(carried)).toEqual(columns(fresh));
        if (carried.edgeConfidence.buffer === before.edgeConfidence.buffer) reusedBuffers++;
        const nodes = graph.nodes();
        for (let i = 0; i + 1 < nodes.length && i < 20; i += 2) {
          const options = { k: 3, maxHops: 4 };
          const carriedPaths = findPaths(graph, nodes[i], nodes[i + 1], options).paths;
          expect(carriedPaths).toEqual(findPaths(graph.copy(), nodes[i], nodes[i + 1], options).paths);
        }
      }
      expect(reusedBuffers).toBeGreaterThan(30);
    });

    it("does not rewrite an index it did not build (one read from a snapshot views the snapshot's memory)", () => {
      const graph = randomGraph(3, 20, 40);
      const seeded = buildPathIndex(graph.copy());
      const snapshotColumns = columns(seeded);
      seedPathIndex(graph, { ...seeded });
      forgetOwner(graph);
      randomWriter(1)(graph);
      const carried = pathIndexOf(graph);
      expect(carried.edgeConfidence.buffer).not.toBe(seeded.edgeConfidence.buffer);
      expect(columns(seeded)).toEqual(snapshotColumns);
    });
  });
});
