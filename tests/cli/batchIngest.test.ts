import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { validateDataset } from "../../src/graph/validate.ts";
import { loadDataset } from "../../src/store/load.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { kg } from "../helpers/kg.ts";

const GENEVA = "Talks in Geneva\n\nAntony Blinken met Sergey Lavrov in Geneva on Friday.\n";
const BERLIN = "# Scholz in Berlin\n\nOlaf Scholz welcomed Emmanuel Macron in Berlin.\n";
const WARSAW = "Andrzej Duda hosted Volodymyr Zelensky in Warsaw.";

const stored = (root: string) => readdirSync(path.join(root, "documents")).sort();

describe("cli", () => {
  describe("kg ingest FOLDER", () => {
    let data: TempData;
    let folder: string;
    beforeAll(() => {
      data = makeTempData();
      folder = path.join(path.dirname(data.root), "articles");
      mkdirSync(path.join(folder, "more"), { recursive: true });
      writeFileSync(path.join(folder, "geneva.txt"), GENEVA);
      writeFileSync(path.join(folder, "more", "berlin.md"), BERLIN);
      copyFileSync(path.resolve("tests/fixtures/web/jsonld-article.html"), path.join(folder, "page.html"));
      execFileSync("mkfifo", [path.join(folder, "pipe.txt")]);
    });
    afterAll(() => data.remove());

    it("adds every text file and web page of the folder, says which were left out, and leaves valid data", async () => {
      const before = stored(data.root);
      const result = await kg("ingest", folder, "--data", data.root);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/^added 001_[0-9a-f]{16} "Talks in Geneva" \(.*geneva\.txt\)/m);
      expect(result.out).toMatch(/^added 002_[0-9a-f]{16} "Scholz in Berlin" \(.*berlin\.md\)/m);
      expect(result.out).toMatch(/^added 003_[0-9a-f]{16} "Grid operator opens battery storage site near Fenwick"/m);
      expect(result.out).toMatch(/4 documents \(3 added, 0 already stored, 1 skipped\)/);
      expect(result.err).toMatch(/skipped .*pipe\.txt is a FIFO/);
      expect(stored(data.root).length).toBe(before.length + 6);
      expect(validateDataset(loadDataset(data.root))).toEqual([]);
    });

    it("adds nothing when run again on the same folder", async () => {
      const before = stored(data.root);
      const result = await kg("ingest", folder, "--data", data.root);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/geneva\.txt: already stored as document 001_/);
      expect(result.out).toMatch(/4 documents \(0 added, 3 already stored, 1 skipped\)/);
      expect(stored(data.root)).toEqual(before);
    });

    it("refuses the same article with other whitespace and line endings as already stored", async () => {
      const variant = path.join(path.dirname(data.root), "geneva-copy.txt");
      writeFileSync(variant, GENEVA.replace(/\n/g, "\r\n").replace("met", "met  "));
      const before = stored(data.root);
      const single = await kg("ingest", variant, "--data", data.root);
      expect(single.code).toBe(1);
      expect(single.err).toMatch(/same text but for whitespace.*already stored as document "001_/);
      const inFolder = path.join(folder, "geneva-copy.txt");
      writeFileSync(inFolder, GENEVA.replace(/\n/g, "\r\n").replace("met", "met  "));
      const batch = await kg("ingest", folder, "--data", data.root, "--json");
      expect(batch.code).toBe(0);
      const copy = batch.out.split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(copy.find((o) => o.file === inFolder)).toMatchObject({
        status: "duplicate",
        document: expect.stringMatching(/^001_/),
      });
      expect(stored(data.root)).toEqual(before);
    });

    it("exits 2 when --step is not a whole number of documents", async () => {
      const result = await kg("ingest", folder, "--step", "0", "--data", data.root);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/--step must be a whole number from 1/);
    });

    it("exits 2 when given one article's metadata", async () => {
      const result = await kg("ingest", folder, "--title", "T", "--data", data.root);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/--title describes one article/);
    });
  });

  describe("kg ingest FILE.jsonl --json", () => {
    let data: TempData;
    let result: Awaited<ReturnType<typeof kg>>;
    let before: string[];
    beforeAll(async () => {
      data = makeTempData();
      before = stored(data.root);
      const file = path.join(path.dirname(data.root), "articles.jsonl");
      const lines = [
        JSON.stringify({ id: "g", title: "Talks in Geneva", text: GENEVA, date: "2024-03-01", outlet: "Wire" }),
        "{not json",
        "",
        JSON.stringify({ id: "bad-date", title: "Bad", text: BERLIN, date: "2024-02-30" }),
        JSON.stringify({ id: 4, title: "Warsaw", text: WARSAW }),
      ];
      writeFileSync(file, lines.join("\n") + "\n");
      result = await kg("ingest", file, "--json", "--data", data.root);
    });
    afterAll(() => data.remove());

    it("prints one JSON line per document on stdout and nothing else", () => {
      const lines = result.out.split("\n");
      expect(lines).toHaveLength(4);
      for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
      expect(result.err).toMatch(/4 documents \(2 added, 0 already stored, 2 failed\)/);
    });

    it("reports a bad line with its line number, goes on, and exits 1", () => {
      const outcomes = result.out.split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(outcomes).toEqual([
        expect.objectContaining({ line: 1, id: "g", status: "added", title: "Talks in Geneva" }),
        expect.objectContaining({ line: 2, status: "failed", error: expect.stringContaining("not JSON") }),
        expect.objectContaining({ line: 4, id: "bad-date", status: "failed", error: expect.stringContaining("date") }),
        expect.objectContaining({ line: 5, id: 4, status: "added", words: 7 }),
      ]);
      expect(result.code).toBe(1);
    });

    it("stores the good documents with their metadata and nothing of the bad ones", () => {
      expect(stored(data.root).length).toBe(before.length + 4);
      const dataset = loadDataset(data.root);
      expect(validateDataset(dataset)).toEqual([]);
      const geneva = [...dataset.documents.values()].find((d) => d.meta.title === "Talks in Geneva");
      expect(geneva?.meta).toMatchObject({ published: "2024-03-01", outlet: "Wire" });
    });
  });
});
