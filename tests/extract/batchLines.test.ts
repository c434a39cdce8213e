import { describe, expect, it } from "vitest";
import { splitLines, type InputLine } from "../../src/extract/batchLines.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

async function* chunksOf(...parts: (string | Uint8Array)[]) {
  for (const p of parts) yield typeof p === "string" ? bytes(p) : p;
}

async function collect(lines: AsyncIterable<InputLine>) {
  const out: (InputLine & { text?: string })[] = [];
  for await (const l of lines) out.push(l.kind === "line" ? { ...l, text: new TextDecoder().decode(l.bytes) } : l);
  return out;
}

describe("extract", () => {
  describe("splitLines", () => {
    it("splits at line breaks across chunk boundaries, numbering lines from 1", async () => {
      const lines = await collect(splitLines(chunksOf("ab", "c\nd", "", "e\n\nf")));
      expect(lines.map((l) => [l.line, l.text])).toEqual([
        [1, "abc"],
        [2, "de"],
        [3, ""],
        [4, "f"],
      ]);
    });

    it("drops the carriage return of a CRLF line break and yields nothing after a final line break", async () => {
      const lines = await collect(splitLines(chunksOf("a\r\nb\r", "\n")));
      expect(lines.map((l) => l.text)).toEqual(["a", "b"]);
    });

    it("cuts multi-byte characters only at line breaks", async () => {
      const euro = bytes("€\n");
      const lines = await collect(splitLines(chunksOf(euro.subarray(0, 1), euro.subarray(1))));
      expect(lines.map((l) => l.text)).toEqual(["€"]);
    });

    it("reports an overlong line with its head and length, and goes on with the next line", async () => {
      const big = Array.from({ length: 100 }, () => "x".repeat(100));
      const lines = await collect(
        splitLines(chunksOf('{"id":7,', ...big, "\nnext\n"), { maxLineBytes: 50, headBytes: 8 }),
      );
      expect(lines[0]).toEqual({
        kind: "tooLong",
        line: 1,
        head: Buffer.from('{"id":7,'),
        length: 10_008,
        unterminated: false,
      });
      expect(lines[1]).toMatchObject({ kind: "line", line: 2, text: "next" });
    });

    it("stops at a line with no break within maxSkipBytes instead of reading forever", async () => {
      async function* endless() {
        for (;;) yield new Uint8Array(1000);
      }
      const lines = await collect(splitLines(endless(), { maxLineBytes: 100, maxSkipBytes: 10_000 }));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ kind: "tooLong", line: 1, unterminated: true, length: 11_000 });
    });

    it("pulls the source only as fast as lines are taken", async () => {
      let produced = 0;
      async function* source() {
        for (let i = 0; i < 1000; i++) {
          produced++;
          yield bytes(`line ${i}\n`);
        }
      }
      let taken = 0;
      for await (const _line of splitLines(source())) {
        taken++;
        expect(produced - taken).toBeLessThanOrEqual(1);
      }
      expect(taken).toBe(1000);
    });
  });
});
