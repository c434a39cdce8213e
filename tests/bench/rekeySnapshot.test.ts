import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { readSnapshot, verifyRecords, writeSnapshot } from "../../src/snapshot/index.ts";
import { checksumOf, copySnapshotWithKey } from "../../bench/util/rekeySnapshot.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";
import { snapshotGraph } from "../snapshot/fixtures.ts";

describe("bench snapshot re-keying", () => {
  const temp = useTempFiles("kg-bench-rekey-");
  let source = "";
  let sourceBytes: Buffer;
  let graph: KnowledgeGraph;

  beforeAll(() => {
    source = temp.path("source.snapshot");
    graph = snapshotGraph(temp.path());
    writeSnapshot(graph, source, { key: "first key" });
    sourceBytes = readFileSync(source);
  });

  describe("copySnapshotWithKey", () => {
    it("writes a copy that reads back whole under the new key, with another checksum", async () => {
      const copy = temp.path("copy.snapshot");
      const checksum = copySnapshotWithKey(source, copy, "second key");
      const read = readSnapshot(copy, { key: "second key" });
      if (read.type !== "ok") throw new Error(read.message);
      try {
        expect(read.snapshot.checksum).toBe(checksum);
        expect(checksum).not.toBe(checksumOf(source));
        expect([read.snapshot.order, read.snapshot.size]).toEqual([graph.order, graph.size]);
        await expect(verifyRecords(read.snapshot)).resolves.toBeUndefined();
      } finally {
        read.snapshot.close();
      }
    });

    it("leaves the source as it was", () => {
      copySnapshotWithKey(source, temp.path("again.snapshot"), "third key");
      expect(readFileSync(source).equals(sourceBytes)).toBe(true);
    });

    it("refuses a source that does not match its checksum, and leaves no file behind", () => {
      const damaged = Buffer.from(sourceBytes);
      damaged[damaged.length - 3] ^= 0xff;
      const file = temp.write("damaged.snapshot", damaged);
      expect(() => copySnapshotWithKey(file, temp.path("from-damaged.snapshot"), "key")).toThrow(
        /does not match its checksum; write the snapshot again/,
      );
      expect(readdirSync(temp.path()).filter((name) => name.startsWith("from-damaged"))).toEqual([]);
    });

    it("refuses a file that is not a snapshot", () => {
      const file = temp.path("not.snapshot");
      writeFileSync(file, "{}".padEnd(20_000, " "));
      expect(() => copySnapshotWithKey(file, temp.path("from-not.snapshot"), "key")).toThrow(/is not a snapshot/);
      expect(existsSync(temp.path("from-not.snapshot"))).toBe(false);
    });
  });

  describe("checksumOf", () => {
    it("reads the checksum from the header, the one a reader checks", () => {
      const read = readSnapshot(source, { key: "first key" });
      if (read.type !== "ok") throw new Error(read.message);
      read.snapshot.close();
      expect(checksumOf(source)).toBe(read.snapshot.checksum);
    });
  });
});
