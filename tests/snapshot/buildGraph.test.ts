import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { graphFromSnapshot, readSnapshot, writeSnapshot, type Snapshot } from "../../src/snapshot/index.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";
import { snapshotGraph } from "./fixtures.ts";

const KEY = "inputs abc; graph file 1 bytes, modified 2 ns";

describe("snapshot", () => {
  describe("graphFromSnapshot", () => {
    const temp = useTempFiles("kg-snapshot-graph-");
    let graph: KnowledgeGraph;
    let snapshot: Snapshot;

    beforeAll(() => {
      graph = snapshotGraph(temp.path());
      graph.setAttribute("name", "generated");
      const file = temp.path("graph.snapshot");
      writeSnapshot(graph, file, { key: KEY });
      const read = readSnapshot(file, { key: KEY });
      if (read.type !== "ok") throw new Error(read.message);
      snapshot = read.snapshot;
    });
    afterAll(() => snapshot.close());

    it("rebuilds the graph it was written from: the same export, in the same order, self-loops and all", async () => {
      const rebuilt = await graphFromSnapshot(snapshot, { sliceElements: 997 });
      expect(rebuilt.export()).toEqual(graph.export());
      expect(rebuilt.nodes()).toEqual(graph.nodes());
      expect(rebuilt.edges()).toEqual(graph.edges());
      expect(rebuilt.hasEdge("k-k")).toBe(true);
    });

    it("lets the event loop run between slices: work queued meanwhile runs before the build ends", async () => {
      const turns: string[] = [];
      const building = graphFromSnapshot(snapshot, { sliceElements: 500 }).then(() => turns.push("built"));
      // Queued after the build's first slice was scheduled: a build holding the loop would end before it.
      setImmediate(() => turns.push("other work"));
      await building;
      expect(turns).toEqual(["other work", "built"]);
    });

    it("stops at the next slice when its signal is aborted, with the signal's reason", async () => {
      const abort = new AbortController();
      const building = graphFromSnapshot(snapshot, { sliceElements: 100, signal: abort.signal });
      abort.abort(new Error("server closing"));
      await expect(building).rejects.toThrow("server closing");
    });
  });
});
