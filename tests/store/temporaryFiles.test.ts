/**
 * Temporary files of atomic writes: a target's stale ones (left by a killed process) are swept when it is written
 * again; fresh ones (a concurrent writer's), other files, links and folders are left alone.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  lutimesSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeFileAtomic, writeStreamAtomic } from "../../src/store/atomicWrite.ts";
import {
  DEFAULT_STALE_TEMPORARY_OPTIONS,
  removeStaleTemporaries,
  temporaryPathOf,
} from "../../src/store/temporaryFiles.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kg-temporaries-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Twice the threshold ago: what a write killed long before looks like. */
const longAgo = () => new Date(Date.now() - 2 * DEFAULT_STALE_TEMPORARY_OPTIONS.staleMs);

/** Writes `name` in the test folder, modified long ago when `stale`. */
function put(name: string, stale: boolean): string {
  const file = path.join(dir, name);
  writeFileSync(file, "partial");
  if (stale) utimesSync(file, longAgo(), longAgo());
  return file;
}

const names = () => readdirSync(dir).sort();

describe("temporaryFiles", () => {
  describe("removeStaleTemporaries", () => {
    it("removes the target's temporary files not modified for longer than the threshold, of any process", () => {
      const target = path.join(dir, "graph.snapshot");
      const stale = [put(".graph.snapshot.1.2.tmp", true), put(".graph.snapshot.48213.17.tmp", true)];
      expect(removeStaleTemporaries(target).sort()).toEqual(stale.sort());
      expect(names()).toEqual([]);
    });

    it("keeps a fresh temporary file, as a concurrent writer's, and every file not named as the target's", () => {
      const target = path.join(dir, "graph.snapshot");
      put(".graph.snapshot.1.3.tmp", false);
      const others = [
        "graph.snapshot",
        ".graph.snapshot.1.tmp",
        ".graph.snapshot.x.1.tmp",
        ".graph.snapshot.1.2.tmp.bak",
        "graph.snapshot.1.2.tmp",
        ".graph.snapshot.sha1.1.2.tmp",
        ".other.snapshot.1.2.tmp",
        ".graph-snapshot.1.2.tmp",
      ];
      for (const name of others) put(name, true);
      expect(removeStaleTemporaries(target)).toEqual([]);
      expect(names()).toEqual([".graph.snapshot.1.3.tmp", ...others].sort());
    });

    it("leaves a symbolic link of such a name and the file it points to, and a folder of such a name", () => {
      const target = path.join(dir, "out", "graph.json");
      mkdirSync(path.join(dir, "out", ".graph.json.7.1.tmp"), { recursive: true });
      utimesSync(path.join(dir, "out", ".graph.json.7.1.tmp"), longAgo(), longAgo());
      const pointed = put("elsewhere.json", true);
      const link = path.join(dir, "out", ".graph.json.7.2.tmp");
      symlinkSync(pointed, link);
      lutimesSync(link, longAgo(), longAgo());
      expect(removeStaleTemporaries(target)).toEqual([]);
      expect(readdirSync(path.join(dir, "out")).sort()).toEqual([".graph.json.7.1.tmp", ".graph.json.7.2.tmp"]);
      expect(readFileSync(pointed, "utf8")).toBe("partial");
    });

    it("finds nothing to remove beside a target whose folder does not exist", () => {
      expect(removeStaleTemporaries(path.join(dir, "missing", "graph.json"))).toEqual([]);
    });
  });

  describe("temporaryPathOf", () => {
    it("names a hidden file beside the target that the target's sweep matches", () => {
      const target = path.join(dir, "a.b+c(1).json");
      const tmp = temporaryPathOf(target);
      expect(path.dirname(tmp)).toBe(dir);
      expect(path.basename(tmp)).toMatch(/^\.a\.b\+c\(1\)\.json\.\d+\.\d+\.tmp$/);
      writeFileSync(tmp, "partial");
      utimesSync(tmp, longAgo(), longAgo());
      expect(removeStaleTemporaries(path.join(dir, "a.b+c(1)"))).toEqual([]);
      expect(removeStaleTemporaries(target)).toEqual([tmp]);
    });
  });

  describe("an atomic write", () => {
    it("removes its target's stale temporary files first, and leaves a fresh one", () => {
      put(".a.json.1.1.tmp", true);
      put(".a.json.1.2.tmp", false);
      writeFileAtomic(path.join(dir, "a.json"), "new");
      expect(names()).toEqual([".a.json.1.2.tmp", "a.json"]);
    });

    it("does so when streamed, too", async () => {
      put(".out.gexf.1.1.tmp", true);
      async function* chunks() {
        yield "<a/>";
      }
      await writeStreamAtomic(path.join(dir, "out.gexf"), chunks());
      expect(names()).toEqual(["out.gexf"]);
    });
  });
});
