import { renameSync, rmSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fileIdentity, watchSnapshotFile, type FileIdentity } from "../../src/snapshot/index.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";

const WAIT_MS = 5_000;

/** Resolves with the first identity `changed` is called with after `act`, or rejects after WAIT_MS. */
function nextChange(calls: FileIdentity[]): Promise<FileIdentity> {
  const seen = calls.length;
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + WAIT_MS;
    const look = () => {
      if (calls.length > seen) resolve(calls[seen]);
      else if (Date.now() > deadline) reject(new Error("watch test: no change reported"));
      else setTimeout(look, 10);
    };
    look();
  });
}

describe("snapshot", () => {
  describe("watchSnapshotFile", () => {
    const temp = useTempFiles("kg-snapshot-watch-");

    it("reports a file renamed over the watched one, with the new file's identity", async () => {
      const file = temp.write("renamed.snapshot", "one");
      const calls: FileIdentity[] = [];
      const stop = watchSnapshotFile(file, fileIdentity(file), (id) => calls.push(id), { debounceMs: 10, pollMs: 0 });
      try {
        const changed = nextChange(calls);
        renameSync(temp.write("incoming.tmp", "two"), file);
        await expect(changed).resolves.toBe(fileIdentity(file));
      } finally {
        stop();
      }
    });

    it("notices a change by its periodic look when the folder's events do not come soon", async () => {
      const file = temp.write("polled.snapshot", "one");
      const calls: FileIdentity[] = [];
      // Events would be looked at only after a minute: the poll is what notices.
      const stop = watchSnapshotFile(file, fileIdentity(file), (id) => calls.push(id), {
        debounceMs: 60_000,
        pollMs: 20,
      });
      try {
        const changed = nextChange(calls);
        renameSync(temp.write("incoming.tmp", "three"), file);
        await expect(changed).resolves.toBe(fileIdentity(file));
      } finally {
        stop();
      }
    });

    it("reports a removed file as null, and nothing for other files of the folder or after it stops", async () => {
      const file = temp.write("removed.snapshot", "one");
      const calls: FileIdentity[] = [];
      const stop = watchSnapshotFile(file, fileIdentity(file), (id) => calls.push(id), { debounceMs: 10, pollMs: 20 });
      writeFileSync(temp.path("neighbour.txt"), "unrelated");
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(calls).toEqual([]);
      const changed = nextChange(calls);
      rmSync(file);
      await expect(changed).resolves.toBeNull();
      stop();
      writeFileSync(file, "back");
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(calls, JSON.stringify(calls)).toEqual([null]);
    });
  });
});
