import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { readSnapshot, verifyRecords, writeSnapshot, type Snapshot } from "../../src/snapshot/index.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";
import { snapshotGraph } from "./fixtures.ts";

/** Reads `file` with any key; its core must be sound. */
function read(file: string): Snapshot {
  const result = readSnapshot(file, { key: null });
  if (result.type !== "ok") throw new Error(`expected a snapshot, got ${result.reason}: ${result.message}`);
  return result.snapshot;
}

describe("snapshot", () => {
  describe("verifyRecords", () => {
    const temp = useTempFiles("kg-snapshot-verify-");
    let file: string;

    beforeAll(() => {
      file = temp.path("graph.snapshot");
      writeSnapshot(snapshotGraph(temp.path()), file, { key: "any" });
    });

    it("reads a snapshot of any key when none is expected, and checks every record block of a sound one", async () => {
      const snapshot = read(file);
      try {
        expect(snapshot.key).toBe("any");
        expect(snapshot.recordBlocks).toBeGreaterThan(1);
        await expect(verifyRecords(snapshot, { sliceBlocks: 2 })).resolves.toBeUndefined();
      } finally {
        snapshot.close();
      }
    });

    it("rejects a snapshot whose last record block is damaged, which reading its core does not notice", async () => {
      const damaged = temp.path("damaged.snapshot");
      copyFileSync(file, damaged);
      const bytes = readFileSync(damaged);
      const header = JSON.parse(bytes.toString("utf8", 16, 16 + bytes.readUInt32LE(12))) as {
        records: { offset: number; bytes: number };
      };
      bytes[header.records.offset + header.records.bytes - 1] ^= 0x01;
      writeFileSync(damaged, bytes);
      const snapshot = read(damaged);
      try {
        await expect(verifyRecords(snapshot)).rejects.toThrow(/attribute records of .*damaged\.snapshot are damaged/);
      } finally {
        snapshot.close();
      }
    });

    it("fails on a closed snapshot rather than reading a reused file descriptor", async () => {
      const snapshot = read(file);
      snapshot.close();
      await expect(verifyRecords(snapshot)).rejects.toThrow(/is closed/);
    });
  });
});
