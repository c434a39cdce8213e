import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  builtGraphKey,
  CACHE_FOLDER,
  foreignFileKey,
  foreignSnapshotPath,
  hashFileAhead,
  snapshotPathOf,
} from "../../src/snapshot/index.ts";
import { hashNotePath } from "../../src/snapshot/hashNote.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";

describe("snapshot", () => {
  const temp = useTempFiles("kg-snapshot-key-");

  describe("builtGraphKey", () => {
    it("is null for a graph without an input fingerprint or a graph file that is absent", () => {
      const file = temp.write("built.json", "{}");
      expect(builtGraphKey(undefined, file)).toBeNull();
      expect(builtGraphKey("", file)).toBeNull();
      expect(builtGraphKey("abc", temp.path("absent.json"))).toBeNull();
    });

    it("changes with the fingerprint and when the graph file is written again", () => {
      const file = temp.write("rewritten.json", "{}");
      const key = builtGraphKey("abc", file);
      expect(key).toContain("inputs abc");
      expect(builtGraphKey("abd", file)).not.toBe(key);
      writeFileSync(file, '{"nodes":[]}');
      expect(builtGraphKey("abc", file)).not.toBe(key);
    });
  });

  describe("foreignFileKey", () => {
    it("changes when the content changes though the size and modification time are put back", () => {
      const file = temp.write("foreign.json", '{"a":1}');
      const second = new Date("2024-01-02T03:04:05Z");
      utimesSync(file, second, second);
      const before = statSync(file, { bigint: true });
      const key = foreignFileKey(file);
      writeFileSync(file, '{"a":2}');
      utimesSync(file, second, second);
      const after = statSync(file, { bigint: true });
      expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
      expect(foreignFileKey(file)).not.toBe(key);
      expect(key).toContain(path.resolve(file));
    });

    it("is null for a folder (a Neo4j bundle) or a missing file", () => {
      expect(foreignFileKey(temp.path())).toBeNull();
      expect(foreignFileKey(temp.path("absent.gexf"))).toBeNull();
    });
  });

  describe("hashFileAhead", () => {
    it("gives the key foreignFileKey computes itself", async () => {
      const file = temp.write("ahead.json", '{"nodes":[1,2,3]}'.repeat(1000));
      const key = foreignFileKey(file);
      await hashFileAhead(file);
      expect(foreignFileKey(file)).toBe(key);
    });

    it("is not used for a file written since, though its size and modification time are put back", async () => {
      const file = temp.write("ahead-rewritten.json", '{"a":1}');
      const second = new Date("2024-01-02T03:04:05Z");
      utimesSync(file, second, second);
      const key = foreignFileKey(file);
      await hashFileAhead(file);
      writeFileSync(file, '{"a":2}');
      utimesSync(file, second, second);
      expect(foreignFileKey(file)).not.toBe(key);
    });

    it("leaves a folder or a missing file to foreignFileKey, without throwing", async () => {
      await expect(hashFileAhead(temp.path())).resolves.toBeUndefined();
      await expect(hashFileAhead(temp.path("absent.json"))).resolves.toBeUndefined();
      expect(foreignFileKey(temp.path("absent.json"))).toBeNull();
    });
  });

  describe("the hash note beside the snapshot", () => {
    const note = (file: string) => hashNotePath(foreignSnapshotPath(file));
    const FAKE = "0".repeat(40);
    /** Puts FAKE in the file's note: a key with FAKE in it was made from the note, not from the file. */
    const fakeNote = (file: string) =>
      writeFileSync(note(file), readFileSync(note(file), "utf8").replace(/"sha1":"[0-9a-f]+"/, `"sha1":"${FAKE}"`));

    it("keeps a settled file's hash, which later keys take without reading the file while it is unchanged", async () => {
      const file = temp.write("noted.json", '{"nodes":[1]}');
      const key = foreignFileKey(file, { settledMs: 0 });
      expect(existsSync(note(file))).toBe(true);
      expect(foreignFileKey(file)).toBe(key);
      fakeNote(file);
      expect(foreignFileKey(file)).toContain(`sha1 ${FAKE}`);
      await hashFileAhead(file);
      expect(foreignFileKey(file)).toContain(`sha1 ${FAKE}`);
    });

    it("is written by hashFileAhead too, and gives the key foreignFileKey computes itself", async () => {
      const file = temp.write("noted-ahead.json", '{"nodes":[1,2]}');
      const key = foreignFileKey(file);
      await hashFileAhead(file, { settledMs: 0 });
      expect(existsSync(note(file))).toBe(true);
      expect(foreignFileKey(file)).toBe(key);
    });

    it("is not used for a file written since, though its size and modification time are put back", () => {
      const file = temp.write("noted-rewritten.json", '{"a":1}');
      const second = new Date("2024-01-02T03:04:05Z");
      utimesSync(file, second, second);
      const key = foreignFileKey(file, { settledMs: 0 });
      writeFileSync(file, '{"a":2}');
      utimesSync(file, second, second);
      const rewritten = foreignFileKey(file);
      expect(rewritten).not.toBe(key);
      expect(rewritten).not.toContain(`sha1 ${FAKE}`);
    });

    it("is not kept for a file changed moments before it was hashed, nor used when it cannot be read", async () => {
      const file = temp.write("fresh.json", '{"nodes":[3]}');
      const key = foreignFileKey(file);
      await hashFileAhead(file);
      expect(existsSync(note(file))).toBe(false);
      writeFileSync(note(file), "not a note");
      expect(foreignFileKey(file)).toBe(key);
    });
  });

  describe("where snapshots live", () => {
    it("puts a built graph's snapshot beside its file", () => {
      expect(snapshotPathOf("/data/build/graph.json")).toBe(path.join("/data/build", "graph.snapshot"));
    });

    it("puts a foreign file's snapshot in .kg-cache/ beside it", () => {
      const file = temp.write("theirs.gexf", "<gexf/>");
      expect(foreignSnapshotPath(file)).toBe(path.join(temp.path(), CACHE_FOLDER, "theirs.gexf.snapshot"));
    });

    it("falls back to the user's cache folder, under a name made from the path, when that folder cannot be made", () => {
      // The "folder" is a file here: no .kg-cache/ can be made in it, whoever runs the test.
      const blocker = temp.write("not-a-folder", "");
      const a = foreignSnapshotPath(path.join(blocker, "graph.json"), { cacheDir: temp.path("cache") });
      const b = foreignSnapshotPath(path.join(blocker, "sub", "graph.json"), { cacheDir: temp.path("cache") });
      expect(path.dirname(a)).toBe(temp.path(path.join("cache", "kg", "snapshots")));
      expect(path.basename(a)).toMatch(/^[0-9a-f]{16}-graph\.json\.snapshot$/);
      expect(a).not.toBe(b);
    });
  });
});
