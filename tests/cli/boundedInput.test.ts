/**
 * Bounded input: the commands that read a user's file whole (ingest FILE, extract FILE, a token file, a graph file)
 * read at most their limit plus one byte, and refuse a device, a FIFO or an oversized file at once with a message
 * saying what to do, instead of reading without end.
 */
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_DOCUMENT_BYTES } from "../../src/ingest/documentInput.ts";
import { readAnyGraphFile } from "../../src/import/readAnyGraphFile.ts";
import { readTokenFile } from "../../src/server/auth.ts";
import { BoundedReadError, readFileBounded } from "../../src/util/boundedRead.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { kg } from "../helpers/kg.ts";

const HAS_DEV_ZERO = process.platform === "linux";

describe("readFileBounded", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kg-bounded-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads a regular file within the limit", () => {
    const file = path.join(dir, "small.txt");
    writeFileSync(file, "hello");
    expect(readFileBounded(file, 5).toString()).toBe("hello");
  });

  it("refuses a file over the limit by its size, naming the limit", () => {
    const file = path.join(dir, "big.txt");
    writeFileSync(file, "x".repeat(11));
    expect(() => readFileBounded(file, 10)).toThrow(/11 bytes; the limit is 10 bytes/);
  });

  it("refuses a sparse file far larger than memory without reading it", () => {
    const file = path.join(dir, "sparse.bin");
    const fd = openSync(file, "w");
    writeSync(fd, "x", 8 * 1024 ** 3); // 8 GB apparent size, one block on disk
    closeSync(fd);
    expect(() => readFileBounded(file, 1000)).toThrow(/the limit is 1000 bytes/);
  });

  it.runIf(HAS_DEV_ZERO)("refuses a device at once", () => {
    // Reading /dev/zero without a bound would never return: throwing at all shows it was refused before reading.
    expect(() => readFileBounded("/dev/zero", 1000)).toThrow(/a device, not a regular file/);
  });

  it.runIf(HAS_DEV_ZERO)("refuses a FIFO without waiting for a writer", () => {
    const fifo = path.join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    expect(() => readFileBounded(fifo, 1000)).toThrow(BoundedReadError);
    expect(() => readFileBounded(fifo, 1000)).toThrow(/a FIFO/);
  });

  it("says how to fix a missing file", () => {
    expect(() => readFileBounded(path.join(dir, "missing"), 10)).toThrow(/ENOENT\); check the path/);
  });
});

describe.runIf(HAS_DEV_ZERO)("commands reading a user's file", () => {
  let data: TempData;
  beforeAll(() => {
    data = makeTempData();
  });
  afterAll(() => data.remove());

  it("kg ingest /dev/zero exits 1 at once, within bounded memory, and writes nothing", async () => {
    const rss = process.memoryUsage().rss;
    const run = await kg("ingest", "/dev/zero", "--data", data.root);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/\/dev\/zero is a device, not a regular file; save the text to a file first/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 1024 * 1024);
  });

  it("kg ingest refuses a file one byte over the document limit before decoding it", async () => {
    const file = path.join(path.dirname(data.root), "over.txt");
    writeFileSync(file, "a".repeat(MAX_DOCUMENT_BYTES + 1));
    const run = await kg("ingest", file, "--data", data.root);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/the limit is 200000 bytes/);
  });

  it("kg extract /dev/zero exits 1 at once with a clear message", async () => {
    const run = await kg("extract", "/dev/zero", "--cold", "--data", data.root);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/\/dev\/zero is a device, not a regular file/);
  });

  it("refuses /dev/zero as a token file or a graph file", () => {
    expect(() => readTokenFile("/dev/zero")).toThrow(/token file \/dev\/zero: \/dev\/zero is a device/);
    expect(() => readAnyGraphFile("/dev/zero")).toThrow(/is neither graphology JSON|is a device/);
  });
});
