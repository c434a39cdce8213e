import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ReusedBuffer } from "../../src/store/reusedBuffer.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kg-reused-buffer-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `pieces` through a buffer of `bytes` (put when they fit, write otherwise) and reads the file back. */
async function writeThrough(pieces: string[], bytes: number): Promise<{ text: string; written: number }> {
  const file = path.join(dir, "out.txt");
  const handle = await open(file, "w");
  const out = new ReusedBuffer(handle, bytes);
  for (const piece of pieces) {
    if (out.fits(piece)) out.put(piece);
    else await out.write(piece);
  }
  await out.flush();
  await handle.close();
  return { text: readFileSync(file, "utf8"), written: out.written };
}

describe("reusedBuffer", () => {
  it("writes the pieces in order, whether they fit the buffer, fill it or are larger than it", async () => {
    const pieces = ["a", "bc", "x".repeat(40), "", "d", "y".repeat(7), "z".repeat(100)];
    for (const bytes of [1, 8, 16, 64, 1024]) {
      const { text, written } = await writeThrough(pieces, bytes);
      expect(text).toBe(pieces.join(""));
      expect(written).toBe(Buffer.byteLength(pieces.join("")));
    }
  });

  it("encodes text outside ASCII as UTF-8 without splitting a character across two writes", async () => {
    const pieces = ["é", "日本語", "😀", "naïve ", "Zürich", "\u2028", "—", "😀😀😀"];
    for (const bytes of [4, 5, 9, 32]) expect((await writeThrough(pieces, bytes)).text).toBe(pieces.join(""));
  });

  it("writes nothing for no pieces", async () => {
    expect(await writeThrough([], 16)).toEqual({ text: "", written: 0 });
  });
});
