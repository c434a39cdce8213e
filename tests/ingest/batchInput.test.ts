import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { folderDocuments, jsonLinesDocuments, type BatchItem } from "../../src/ingest/batchInput.ts";
import type { FetchOptions } from "../../src/ingest/web/fetchOptions.ts";
import { startPageServer, type PageServer } from "./web/pageServer.ts";

const JSONLD_PAGE = readFileSync(path.resolve("tests/fixtures/web/jsonld-article.html"), "utf8");

async function fromLines(...lines: string[]): Promise<BatchItem[]> {
  return fromLinesFetching({}, ...lines);
}

async function fromLinesFetching(fetch: Partial<FetchOptions>, ...lines: string[]): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  async function* chunks() {
    yield Buffer.from(lines.join("\n"));
  }
  for await (const item of jsonLinesDocuments(chunks(), fetch)) items.push(item);
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
      writeFileSync(path.join(dir, "c.html"), JSONLD_PAGE);
      writeFileSync(path.join(dir, "empty.htm"), "<html><body><nav>Home</nav></body></html>");
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
        ["c.html", expect.anything()],
        ["sub/b.md", { title: "A heading", text: "# A heading\n\nBody of b." }],
      ]);
    });

    it("reads a saved web page's article and metadata", () => {
      const page = [...folderDocuments(dir)].find((i) => "file" in i && i.file.endsWith("c.html"));
      expect(page).toMatchObject({
        input: {
          title: "Grid operator opens battery storage site near Fenwick",
          author: "Tomas Reyl, Ines Badoury",
          date: "2026-02-11",
          outlet: "The Valley Courier",
          text: expect.stringMatching(/^The regional grid operator Westmark Power/),
        },
      });
    });

    it("skips FIFOs with a message, refuses a page without an article and a non-UTF-8 file, ignores other files", () => {
      const others = [...folderDocuments(dir)].filter((i) => !("input" in i));
      expect(others).toEqual([
        { file: path.join(dir, "empty.htm"), error: expect.stringContaining("no article text was found") },
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

    it("refuses, by line, what is not a document, saying why", async () => {
      const items = await fromLines(
        "not json",
        "[1]",
        '{"id": true, "text": "x"}',
        '{"id": 4, "html": "<p>x</p>"}',
        '{"id": 5, "url": "http://127.0.0.1:9/a"}',
        '{"id": 6, "title": "no text"}',
        '{"id": 7, "text": "x", "html": "<p>x</p>"}',
        '{"id": 8, "html": 3}',
      );
      expect(items).toEqual([
        { line: 1, error: expect.stringContaining("not JSON") },
        { line: 2, error: expect.stringContaining("not a JSON object") },
        { line: 3, error: expect.stringContaining('"id" must be a string or a number') },
        { line: 4, id: 4, error: expect.stringContaining("no article text was found") },
        { line: 5, id: 5, error: expect.stringMatching(/127\.0\.0\.1 is a loopback address/) },
        { line: 6, id: 6, error: expect.stringContaining('"text" is missing') },
        { line: 7, id: 7, error: expect.stringContaining('give either "text" or "html"') },
        { line: 8, id: 8, error: expect.stringContaining('"html" must be a string') },
      ]);
    });

    it("reads a line's html as a page, the line's own fields winning over the page's", async () => {
      const [item] = await fromLines(JSON.stringify({ id: "p", html: JSONLD_PAGE, title: "Given title" }));
      expect(item).toMatchObject({
        line: 1,
        id: "p",
        input: { title: "Given title", author: "Tomas Reyl, Ines Badoury", date: "2026-02-11" },
      });
    });

    describe("a line with a url alone", () => {
      let pages: PageServer;
      beforeAll(async () => {
        pages = await startPageServer();
      });
      afterAll(() => pages.close());

      it("fetches the page, keeps where it was found, and reports a page it cannot use by line", async () => {
        const items = await fromLinesFetching(
          { allowPrivate: true },
          JSON.stringify({ id: "a", url: `${pages.base}/hop/1`, outlet: "Given outlet" }),
          JSON.stringify({ id: "b", url: `${pages.base}/image.png` }),
        );
        expect(items).toEqual([
          {
            line: 1,
            id: "a",
            input: expect.objectContaining({
              title: "Harbour council backs new ferry terminal",
              outlet: "Given outlet",
              url: `${pages.base}/pages/article.html`,
            }),
          },
          { line: 2, id: "b", error: expect.stringMatching(/image\/png, not a web page/) },
        ]);
      });
    });
  });
});
