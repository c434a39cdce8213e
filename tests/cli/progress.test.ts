import { describe, expect, it } from "vitest";
import { countOutcome, emptyTotals, formatTotals, progressLine } from "../../src/cli/progress.ts";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe("cli", () => {
  describe("progress", () => {
    it("counts documents, words, entities and relations of what was added", () => {
      const totals = emptyTotals();
      countOutcome(totals, {
        line: 1,
        status: "added",
        document: "d",
        title: "T",
        words: 10,
        entities: 2,
        relations: 3,
      });
      countOutcome(totals, { line: 2, status: "duplicate", document: "d", message: "m" });
      countOutcome(totals, { file: "x.html", status: "skipped", reason: "r" });
      countOutcome(totals, { line: 3, status: "failed", error: "e" });
      expect(totals).toEqual({
        documents: 4,
        added: 1,
        duplicates: 1,
        skipped: 1,
        failed: 1,
        words: 10,
        entities: 2,
        relations: 3,
      });
      expect(formatTotals(totals, 2000)).toBe(
        "4 documents (1 added, 1 already stored, 1 skipped, 1 failed) · 10 words · 2 new entities · 3 new relations · 2.0 docs/s",
      );
    });

    it("draws the line in place on a terminal and erases it on clear", () => {
      const { stream, written } = fakeStream(true);
      const progress = progressLine(stream);
      progress.update(emptyTotals());
      progress.clear();
      expect(written).toEqual([`\r\x1b[K${formatTotals(emptyTotals(), 0)}`, "\r\x1b[K"]);
    });

    it("writes nothing when the stream is not a terminal", () => {
      const { stream, written } = fakeStream(false);
      const progress = progressLine(stream);
      progress.update(emptyTotals());
      progress.clear();
      expect(written).toEqual([]);
    });
  });
});
