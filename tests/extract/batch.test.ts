import { describe, expect, it } from "vitest";
import {
  extractJsonLines,
  extractLine,
  isBatchError,
  type BatchOptions,
  type BatchResult,
} from "../../src/extract/batch.ts";
import { extractDocument, loadExtractContext } from "../../src/extract/index.ts";

const NADELLA = "Satya Nadella, the chief executive of Microsoft, spoke.";
const bytes = (s: string) => new TextEncoder().encode(s);
const line = (value: unknown) => JSON.stringify(value) + "\n";

async function* chunksOf(...parts: (string | Uint8Array)[]) {
  for (const p of parts) yield typeof p === "string" ? bytes(p) : p;
}

async function run(parts: (string | Uint8Array)[], options: Partial<BatchOptions> = {}): Promise<BatchResult[]> {
  const out: BatchResult[] = [];
  for await (const r of extractJsonLines(chunksOf(...parts), loadExtractContext(), options)) out.push(r);
  return out;
}

describe("extract", () => {
  describe("extractJsonLines", () => {
    it("gives each line what extractDocument gives its text, with the id first", async () => {
      const [result] = await run([line({ id: "a", text: NADELLA })]);
      expect(Object.keys(result)[0]).toBe("id");
      expect(result).toEqual({ id: "a", ...extractDocument(NADELLA, loadExtractContext()) });
    });

    it("keeps the input order over many lines, numeric ids included", async () => {
      const docs = Array.from({ length: 60 }, (_, i) => ({
        id: i % 2 ? `doc-${i}` : i,
        text: `${NADELLA} Line ${i}.`,
      }));
      const results = await run([docs.map(line).join("")]);
      expect(results.map((r) => r.id)).toEqual(docs.map((d) => d.id));
      expect(results.every((r) => !isBatchError(r))).toBe(true);
    });

    it("skips blank lines without output, but counts them in line numbers", async () => {
      const results = await run(["\n", line({ id: "a", text: NADELLA }), "   \r\n\t\n", "{}\n"]);
      expect(results.map((r) => r.id)).toEqual(["a", null]);
      expect(results[1]).toMatchObject({ line: 5 });
    });

    it("handles a stream of many lines one at a time", async () => {
      let pending = 0;
      async function* many() {
        for (let i = 0; i < 3000; i++) {
          pending++;
          yield bytes(line({ id: i, text: "" }));
        }
      }
      let count = 0;
      for await (const r of extractJsonLines(many(), loadExtractContext())) {
        expect(r).toMatchObject({ id: count, line: count + 1 });
        expect(pending - count).toBeLessThanOrEqual(1);
        count++;
      }
      expect(count).toBe(3000);
    });

    it("reports a line over the limit by its leading id without keeping it, and goes on", async () => {
      const huge = Array.from({ length: 200 }, () => "word ".repeat(200));
      const results = await run(['{"id": "big", "text": "', ...huge, '"}\n', line({ id: "next", text: NADELLA })], {
        maxLineBytes: 10_000,
      });
      expect(results[0]).toEqual({
        id: "big",
        line: 1,
        error: expect.stringMatching(/^the line is 200025 bytes; the limit is 10000 bytes .* split the document/),
      });
      expect(results[1]).toMatchObject({ id: "next", entities: expect.any(Array) });
    });

    it("names an overlong line null when it does not start with its id", async () => {
      const [result] = await run([line({ text: "x".repeat(500), id: "late" })], { maxLineBytes: 100 });
      expect(result).toMatchObject({ id: null, line: 1, error: expect.stringContaining("the limit is 100 bytes") });
    });

    it("stops with one error at a line that never ends", async () => {
      async function* zeros() {
        for (;;) yield new Uint8Array(4096);
      }
      const results: BatchResult[] = [];
      for await (const r of extractJsonLines(zeros(), loadExtractContext(), {
        maxLineBytes: 1000,
        maxSkipBytes: 100_000,
      }))
        results.push(r);
      expect(results).toEqual([
        { id: null, line: 1, error: expect.stringContaining("without a line break, so reading stopped here") },
      ]);
    });
  });

  describe("extractLine", () => {
    const context = loadExtractContext();
    const at = (raw: string | Uint8Array, options: Partial<BatchOptions> = {}) =>
      extractLine({ kind: "line", line: 3, bytes: typeof raw === "string" ? bytes(raw) : raw }, context, options);

    it("refuses a line that is not JSON or not an object, saying what to write", () => {
      expect(at("hello")).toEqual({
        id: null,
        line: 3,
        error: expect.stringMatching(/^the line is not JSON .*object per line$/),
      });
      expect(at("[1, 2]")).toMatchObject({
        id: null,
        error: expect.stringContaining("the line is an array, not an object"),
      });
      expect(at('"text"')).toMatchObject({ id: null, error: expect.stringContaining("the line is a string") });
    });

    it("refuses a missing or unusable id with id null", () => {
      expect(at(JSON.stringify({ text: NADELLA }))).toMatchObject({
        id: null,
        error: expect.stringContaining('"id" is missing'),
      });
      expect(at(JSON.stringify({ id: { a: 1 }, text: NADELLA }))).toMatchObject({
        id: null,
        error: '"id" is an object; give each line a string or number id',
      });
      expect(at(JSON.stringify({ id: null, text: NADELLA }))).toMatchObject({
        id: null,
        error: expect.stringContaining("is null"),
      });
    });

    it("refuses a missing or non-string text, echoing the id", () => {
      expect(at(JSON.stringify({ id: "a" }))).toMatchObject({
        id: "a",
        error: expect.stringContaining('"text" is missing'),
      });
      expect(at(JSON.stringify({ id: "a", text: 42 }))).toMatchObject({
        id: "a",
        error: expect.stringContaining('"text" is a number'),
      });
    });

    it("refuses empty, binary and oversized texts with checkText's reasons", () => {
      expect(at(JSON.stringify({ id: 1, text: " \n " }))).toMatchObject({
        id: 1,
        error: expect.stringContaining("the text is empty"),
      });
      expect(at(JSON.stringify({ id: 1, text: "PK\u0003\u0004\u0000" }))).toMatchObject({
        error: expect.stringContaining("looks binary"),
      });
      expect(at(JSON.stringify({ id: 1, text: "word ".repeat(40) }), { maxTextBytes: 100 })).toMatchObject({
        error: expect.stringContaining("the limit is 100 bytes"),
      });
    });

    it("refuses a line that is not UTF-8 instead of guessing characters", () => {
      const latin1 = Buffer.from('{"id": "x", "text": "caf\xe9"}', "latin1");
      expect(at(latin1)).toMatchObject({ id: null, error: expect.stringContaining("not valid UTF-8") });
    });

    it("refuses a text with an unpaired surrogate escape", () => {
      expect(at('{"id": "s", "text": "broken \\ud800 text"}')).toMatchObject({
        id: "s",
        error: expect.stringContaining("unpaired surrogate"),
      });
    });

    it("accepts a line with a byte-order mark and ignores keys other than id and text", () => {
      expect(at("\uFEFF" + JSON.stringify({ id: "b", text: NADELLA, title: "t" }))).toMatchObject({
        id: "b",
        entities: expect.any(Array),
      });
    });

    it("gives null for a blank line", () => {
      expect(at(" \t\r")).toBeNull();
    });
  });
});
