import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { KnowledgeGraph, RelationAttributes } from "../../src/model/types.ts";
import { readSnapshot, writeSnapshot, writeSnapshotInSlices } from "../../src/snapshot/index.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";
import { snapshotGraph } from "./fixtures.ts";

/** Whether `file` holds a snapshot under `key`. */
function readable(file: string, key: string): boolean {
  const read = readSnapshot(file, { key });
  if (read.type === "ok") read.snapshot.close();
  return read.type === "ok";
}

describe("snapshot", () => {
  describe("writeSnapshotInSlices", () => {
    const temp = useTempFiles("kg-snapshot-sliced-");
    let graph: KnowledgeGraph;
    const temporaryFiles = () => readdirSync(temp.path()).filter((name) => name.endsWith(".tmp"));

    it("writes the same bytes as writeSnapshot, in many slices with the event loop running between them", async () => {
      graph = snapshotGraph(temp.path());
      const whole = temp.path("whole.snapshot");
      const sliced = temp.path("sliced.snapshot");
      writeSnapshot(graph, whole, { key: "k" });
      let turns = 0;
      const ticker = setInterval(() => turns++, 0);
      try {
        const result = await writeSnapshotInSlices(graph, sliced, { key: "k" }, { sliceMs: 0 });
        expect(result.bytes).toBe(readFileSync(sliced).length);
        expect(result.slices).toBeGreaterThan(10);
      } finally {
        clearInterval(ticker);
      }
      expect(turns).toBeGreaterThan(0);
      expect(readFileSync(sliced).equals(readFileSync(whole))).toBe(true);
      expect(temporaryFiles()).toEqual([]);
    });

    it("leaves the previous snapshot whole, and no temporary file, when abandoned part way", async () => {
      const file = temp.path("kept.snapshot");
      writeSnapshot(graph, file, { key: "first" });
      const before = readFileSync(file);
      const abort = new AbortController();
      let underWay: string[] = [];
      const writing = writeSnapshotInSlices(graph, file, { key: "second" }, { sliceMs: 0, signal: abort.signal });
      // Abandoned once its temporary file is there.
      const poll = setInterval(() => {
        underWay = temporaryFiles();
        if (underWay.length > 0) abort.abort(new Error("a newer graph is served"));
      }, 0);
      await expect(writing).rejects.toThrow(/newer graph/);
      clearInterval(poll);
      expect(underWay).toHaveLength(1);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(readable(file, "first")).toBe(true);
      expect(temporaryFiles()).toEqual([]);
    });

    it("writes nothing when the signal was aborted before it began", async () => {
      const abort = new AbortController();
      abort.abort(new Error("superseded"));
      const file = temp.path("never.snapshot");
      await expect(writeSnapshotInSlices(graph, file, { key: "k" }, { signal: abort.signal })).rejects.toThrow(
        /superseded/,
      );
      expect(readdirSync(temp.path())).not.toContain("never.snapshot");
      expect(temporaryFiles()).toEqual([]);
    });

    it("leaves no file, and no temporary file, when the graph cannot be written", async () => {
      const broken = graph.copy();
      broken.mergeEdgeAttributes("z-k", { support: 1n as unknown as number } satisfies Partial<RelationAttributes>);
      const file = temp.path("broken.snapshot");
      await expect(writeSnapshotInSlices(broken, file, { key: "k" })).rejects.toThrow(/BigInt/);
      expect(readdirSync(temp.path())).not.toContain("broken.snapshot");
      expect(temporaryFiles()).toEqual([]);
    });
  });
});
