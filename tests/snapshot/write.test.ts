import { readdirSync, readFileSync } from "node:fs";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { KnowledgeGraph, RelationAttributes } from "../../src/model/types.ts";
import { readSnapshot, writeSnapshot } from "../../src/snapshot/index.ts";
import { entityAttributes, relationAttributes } from "../helpers/attributes.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";

/** The labels of the snapshot at `file`, or the refusal's reason. */
function labelsIn(file: string, key: string): string[] | string {
  const read = readSnapshot(file, { key });
  if (read.type === "refused") return read.reason;
  read.snapshot.close();
  return read.snapshot.columns.labels;
}

function smallGraph(labels: string[]): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  labels.forEach((label, i) => graph.addNode(`n${i}`, entityAttributes(label)));
  for (let i = 1; i < labels.length; i++)
    graph.addDirectedEdgeWithKey(`e${i}`, "n0", `n${i}`, relationAttributes("supports"));
  return graph;
}

describe("snapshot", () => {
  describe("writeSnapshot", () => {
    const temp = useTempFiles("kg-snapshot-write-");

    it("returns the size of the file it wrote, and a reader finds what it wrote", () => {
      const file = temp.path("sized.snapshot");
      const { bytes } = writeSnapshot(smallGraph(["Alpha", "Beta"]), file, { key: "k" });
      expect(readFileSync(file).length).toBe(bytes);
      expect(labelsIn(file, "k")).toEqual(["Alpha", "Beta"]);
    });

    it("replaces a previous snapshot whole", () => {
      const file = temp.path("replaced.snapshot");
      writeSnapshot(smallGraph(["Alpha", "Beta"]), file, { key: "first" });
      writeSnapshot(smallGraph(["Gamma", "Delta", "Epsilon"]), file, { key: "second" });
      expect(labelsIn(file, "second")).toEqual(["Gamma", "Delta", "Epsilon"]);
    });

    it("leaves the previous snapshot in place, and no temporary file, when a write fails part way", () => {
      const file = temp.path("kept.snapshot");
      writeSnapshot(smallGraph(["Alpha", "Beta"]), file, { key: "k" });
      const before = readFileSync(file);
      const broken = smallGraph(["Gamma", "Delta"]);
      // A value JSON cannot write: the attribute records come last, so the failure is well into the body.
      broken.mergeEdgeAttributes("e1", { support: 1n as unknown as number } satisfies Partial<RelationAttributes>);
      expect(() => writeSnapshot(broken, file, { key: "k2" })).toThrow(/BigInt/);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(readdirSync(temp.path()).filter((name) => name.endsWith(".tmp"))).toEqual([]);
      expect(labelsIn(file, "k")).toEqual(["Alpha", "Beta"]);
    });
  });
});
