import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { folderDocuments, jsonLinesDocuments, type BatchItem } from "../../src/ingest/batchInput.ts";

async function fromLines(...lines: string[]): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  async function* chunks() {
    yield Buffer.from(lines.join("\n"));
  }
  for await (const item of jsonLinesDocuments(chunks())) items.push(item);
  return items;
}

describe("ingest", () => {
  describe("folderDocuments", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), "kg-folder-"));
      mkdirSync(path.join(dir, "sub"));
      mkdirSync(path.join(dir, ".git"));
      writeFileSync(path.join(dir, "a.txt"), "First line title\n\nBody of a.");
      writeFileSync(path.join(dir, "sub", "b.md"), "# A heading\n\nBody of b.");
      writeFileSync(path.join(dir, "c.html"), "<p>Body of c.</p>");
      writeFileSync(path.join(dir, "d.json"), "{}");
      writeFileSync(path.join(dir, ".hidden.txt"), "hidden");
      writeFileSync(path.join(dir, ".git", "e.txt"), "in a hidden folder");
      writeFileSync(path.join(dir, "latin1.txt"), new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
      execFileSync("mkfifo", [path.join(dir, "pipe.txt")]);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("reads .txt and .md files, sub-folders included, titled by their first line", () => {
      const items = [...folderDocuments(dir)];
      const inputs = items.flatMap((i) => ("input" in i && "file" in i ? [[path.relative(dir, i.file), i.input]] : []));
      expect(inputs).toEqual([
        ["a.txt", { title: "First line title", text: "First line title\n\nBody of a." }],
        ["sub/b.md", { title: "A heading", text: "# A heading\n\nBody of b." }],
      ]);
    });

    it("skips HTML and FIFOs with a message, refuses a non-UTF-8 file, and ignores hidden and other files", () => {
      const others = [...folderDocuments(dir)].filter((i) => !("input" in i));
      expect(others).toEqual([
        { file: path.join(dir, "c.html"), skipped: expect.stringContaining("HTML, which is not supported yet") },
        { file: path.join(dir, "latin1.txt"), error: expect.stringContaining("is not UTF-8") },
        { file: path.join(dir, "pipe.txt"), skipped: expect.stringContaining("is a FIFO, not a file") },
      ]);
    });

    it("reports a folder it cannot read", () => {
      expect([...folderDocuments(path.join(dir, "missing"))]).toEqual([
        { file: path.join(dir, "missing"), error: expect.stringContaining("ENOENT") },
      ]);
    });
  });

  describe("jsonLinesDocuments", () => {
    it("reads one document per line with its id and metadata, skipping blank lines", async () => {
      const items = await fromLines(
        '{"id": "a1", "title": "T", "text": "Body.", "date": "2024-01-02", "author": "A", "outlet": "O", "url": "https://example.com/a"}',
        "",
        '{"text": "First line\\nmore"}',
      );
      expect(items).toEqual([
        {
          line: 1,
          id: "a1",
          input: {
            title: "T",
            text: "Body.",
            date: "2024-01-02",
            author: "A",
            outlet: "O",
            url: "https://example.com/a",
          },
        },
        { line: 3, input: { title: "First line", text: "First line\nmore" } },
      ]);
    });

    it("refuses, by line, what is not a document, saying what is not supported yet", async () => {
      const items = await fromLines(
        "not json",
        "[1]",
        '{"id": true, "text": "x"}',
        '{"id": 4, "html": "<p>x</p>"}',
        '{"id": 5, "url": "https://example.com/a"}',
        '{"id": 6, "title": "no text"}',
      );
      expect(items).toEqual([
        { line: 1, error: expect.stringContaining("not JSON") },
        { line: 2, error: expect.stringContaining("not a JSON object") },
        { line: 3, error: expect.stringContaining('"id" must be a string or a number') },
        { line: 4, id: 4, error: expect.stringContaining('"html" is not supported yet') },
        { line: 5, id: 5, error: expect.stringContaining('fetching "url" is not supported yet') },
        { line: 6, id: 6, error: expect.stringContaining('"text" is missing') },
      ]);
    });
  });
});
