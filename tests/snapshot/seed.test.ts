import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { pathIndexOf } from "../../src/paths/pathIndex.ts";
import { searchIndexOf } from "../../src/search/searchIndex.ts";
import { readSnapshot, seedFromSnapshot, writeSnapshot, type Snapshot } from "../../src/snapshot/index.ts";
import { entityAttributes, relationAttributes } from "../helpers/attributes.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";

function graphWith(edgeKeys: string[]): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  graph.addNode("a", entityAttributes("Alpha"));
  graph.addNode("b", entityAttributes("Beta"));
  edgeKeys.forEach((key) => graph.addDirectedEdgeWithKey(key, "a", "b", relationAttributes("supports")));
  return graph;
}

describe("snapshot", () => {
  describe("seedFromSnapshot", () => {
    const temp = useTempFiles("kg-snapshot-seed-");
    const snapshotOf = (graph: KnowledgeGraph): Snapshot => {
      const file = temp.path(`${Math.random()}.snapshot`);
      writeSnapshot(graph, file, { key: "k" });
      const read = readSnapshot(file, { key: "k" });
      if (read.type !== "ok") throw new Error(read.message);
      read.snapshot.close(); // seeding needs the indexes only, not the attribute records
      return read.snapshot;
    };

    it("makes the graph's path and search indexes those of the snapshot, without building them", () => {
      const snapshot = snapshotOf(graphWith(["e1", "e2"]));
      const served = graphWith(["e1", "e2"]);
      expect(seedFromSnapshot(served, snapshot, "f.snapshot")).toBeNull();
      expect(pathIndexOf(served)).toBe(snapshot.pathIndex);
      expect(searchIndexOf(served)).toBe(snapshot.searchIndex);
    });

    it("refuses a snapshot of a graph whose edge ids differ, and leaves the graph's indexes to be built", () => {
      const snapshot = snapshotOf(graphWith(["e1", "e2"]));
      const served = graphWith(["e1", "other"]);
      const refusal = seedFromSnapshot(served, snapshot, "f.snapshot");
      expect(refusal?.reason).toBe("other-graph");
      expect(refusal?.message).toContain('edge 1 is not "e2"');
      expect(pathIndexOf(served)).not.toBe(snapshot.pathIndex);
      expect(pathIndexOf(served).edges).toEqual(["e1", "other"]);
    });

    it("refuses a snapshot of a graph of another size", () => {
      const refusal = seedFromSnapshot(graphWith(["e1"]), snapshotOf(graphWith(["e1", "e2"])), "f.snapshot");
      expect(refusal?.reason).toBe("other-graph");
    });
  });
});
