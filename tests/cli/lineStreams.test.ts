import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { lineOutput, openLineInput } from "../../src/cli/lineStreams.ts";

/** A stream that takes `hwm` bytes before asking to wait and finishes each write only when `release` is called. */
function slowStream(hwm: number) {
  const pending: (() => void)[] = [];
  const stream = new Writable({
    highWaterMark: hwm,
    write(_chunk, _encoding, callback) {
      pending.push(callback);
    },
  });
  return { stream, release: () => pending.splice(0).forEach((done) => done()) };
}

describe("cli", () => {
  describe("openLineInput", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), "kg-lines-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("reads a regular file as a stream", async () => {
      const file = path.join(dir, "a.jsonl");
      writeFileSync(file, "one\ntwo\n");
      const chunks: Buffer[] = [];
      for await (const c of await openLineInput(file)) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe("one\ntwo\n");
    });

    it("refuses a folder, a device and a missing file, saying what to give", async () => {
      await expect(openLineInput(dir)).rejects.toThrow(/is a folder; give a JSON Lines file, or - for standard input/);
      await expect(openLineInput("/dev/zero")).rejects.toThrow(/is a device, not a file; .* --jsonl -/);
      await expect(openLineInput(path.join(dir, "nope"))).rejects.toThrow(/\(ENOENT\); check the path/);
    });

    it("takes - as standard input", async () => {
      expect(await openLineInput("-")).toBe(process.stdin);
    });
  });

  describe("lineOutput", () => {
    it("waits for the reader once the output buffer is full", async () => {
      const { stream, release } = slowStream(16);
      const output = lineOutput({ out: (t) => stream.write(t + "\n"), err: () => {} }, stream);
      let written = false;
      const write = output.write("x".repeat(20)).then(() => (written = true));
      await new Promise((resolve) => setImmediate(resolve));
      expect(written).toBe(false);
      expect(stream.writableLength).toBe(21);
      release();
      await write;
      expect(written).toBe(true);
      output.close();
    });

    it("writes on without waiting while the buffer has room", async () => {
      const { stream } = slowStream(1024);
      const output = lineOutput({ out: (t) => stream.write(t + "\n"), err: () => {} }, stream);
      for (let i = 0; i < 10; i++) await output.write("short");
      expect(stream.writableLength).toBe(60);
      output.close();
    });

    it("stops with a clear error once the reader has gone away", async () => {
      const { stream } = slowStream(16);
      const output = lineOutput({ out: (t) => stream.write(t + "\n"), err: () => {} }, stream);
      const write = output.write("x".repeat(20));
      stream.destroy(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      await expect(write).rejects.toThrow(/cannot write the output \(write EPIPE\); the reader went away/);
      await expect(output.write("more")).rejects.toThrow(/the reader went away/);
      output.close();
    });
  });
});
