import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeFileAtomic, writeStreamAtomic } from "../../src/store/atomicWrite.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kg-atomic-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function* chunks(parts: string[], failAfter = Infinity): AsyncGenerator<string> {
  for (const [i, part] of parts.entries()) {
    if (i >= failAfter) throw new Error("source failed");
    yield part;
  }
}

describe("atomicWrite", () => {
  describe("writeFileAtomic", () => {
    it("replaces the content and leaves no temporary file", () => {
      const file = path.join(dir, "a.txt");
      writeFileSync(file, "old");
      writeFileAtomic(file, "new");
      expect(readFileSync(file, "utf8")).toBe("new");
      expect(readdirSync(dir)).toEqual(["a.txt"]);
    });

    it("creates missing folders", () => {
      const file = path.join(dir, "x", "y", "a.txt");
      writeFileAtomic(file, "é✓");
      expect(readFileSync(file, "utf8")).toBe("é✓");
    });
  });

  describe("writeStreamAtomic", () => {
    it("writes every chunk in order and returns the byte count", async () => {
      const file = path.join(dir, "out.gexf");
      const bytes = await writeStreamAtomic(file, chunks(["<a>", "é", "</a>"]));
      expect(readFileSync(file, "utf8")).toBe("<a>é</a>");
      expect(bytes).toBe(Buffer.byteLength("<a>é</a>"));
      expect(readdirSync(dir)).toEqual(["out.gexf"]);
    });

    it("leaves the previous file untouched and no temporary file when the source fails", async () => {
      const file = path.join(dir, "out.gexf");
      writeFileSync(file, "previous");
      await expect(writeStreamAtomic(file, chunks(["a", "b", "c"], 2))).rejects.toThrow("source failed");
      expect(readFileSync(file, "utf8")).toBe("previous");
      expect(readdirSync(dir)).toEqual(["out.gexf"]);
    });
  });
});
