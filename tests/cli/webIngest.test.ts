import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { validateDataset } from "../../src/graph/validate.ts";
import { loadDataset } from "../../src/store/load.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { kg } from "../helpers/kg.ts";
import { startPageServer, type PageServer } from "../ingest/web/pageServer.ts";

const stored = (root: string) => readdirSync(path.join(root, "documents")).sort();
const jsonLines = (out: string) => out.split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);

describe("cli", () => {
  describe("kg ingest from the web", () => {
    let pages: PageServer;
    let data: TempData;
    beforeAll(async () => {
      pages = await startPageServer();
    });
    afterAll(() => pages.close());
    beforeEach(() => {
      data = makeTempData();
    });
    afterEach(() => data.remove());

    it("refuses a page on this machine without --allow-private, stores nothing and exits 1", async () => {
      const before = stored(data.root);
      const requests = pages.requests.length;
      const result = await kg("ingest", `${pages.base}/pages/article.html`, "--data", data.root);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/127\.0\.0\.1 is a loopback address.*--allow-private/);
      expect(stored(data.root)).toEqual(before);
      expect(pages.requests.length).toBe(requests);
    });

    it("adds each URL's article with its metadata and address, and reports a bad one by URL", async () => {
      const before = stored(data.root);
      const article = `${pages.base}/pages/article.html`;
      const result = await kg(
        "ingest",
        article,
        `${pages.base}/image.png`,
        `${pages.base}/hop/1`,
        "--allow-private",
        "--json",
        "--data",
        data.root,
      );
      expect(result.code).toBe(1);
      expect(jsonLines(result.out)).toEqual([
        expect.objectContaining({ url: article, status: "added", title: "Harbour council backs new ferry terminal" }),
        expect.objectContaining({
          url: `${pages.base}/image.png`,
          status: "failed",
          error: expect.stringMatching(/image\/png/),
        }),
        // The same page again through a redirect: already stored.
        expect.objectContaining({ url: `${pages.base}/hop/1`, status: "duplicate" }),
      ]);
      expect(stored(data.root).length).toBe(before.length + 2);
      const dataset = loadDataset(data.root);
      expect(validateDataset(dataset)).toEqual([]);
      const added = [...dataset.documents.values()].find((d) => d.meta.title.startsWith("Harbour council"));
      expect(added?.meta).toMatchObject({ url: article, author: "Mara Velkin", outlet: "The Coastal Ledger" });
      expect(added?.text).not.toMatch(/reader42|All rights reserved|Subscribe today/);
    });

    it.each([
      ["an RSS feed", "news.rss", "Harbour council backs new ferry terminal"],
      ["an Atom feed", "news.atom", "Grid operator opens battery storage site near Fenwick"],
    ])("adds both items of %s with --feed", async (_kind, feed, firstTitle) => {
      const url = `${pages.base}/feeds/${feed}`;
      const result = await kg("ingest", "--feed", url, "--allow-private", "--data", data.root);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/2 documents \(2 added, 0 already stored\)/);
      const titles = [...loadDataset(data.root).documents.values()].map((d) => d.meta.title);
      expect(titles).toEqual(expect.arrayContaining([firstTitle, "Rowing club clears two tonnes of river litter"]));
    });

    it("refuses a page over the size limit and stores nothing of it", async () => {
      const before = stored(data.root);
      const result = await kg("ingest", `${pages.base}/endless`, "--allow-private", "--data", data.root);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/larger than \d+ bytes, the limit; nothing was stored/);
      expect(stored(data.root)).toEqual(before);
    });

    it("fetches the url lines of JSON Lines input", async () => {
      const file = path.join(path.dirname(data.root), "pages.jsonl");
      writeFileSync(
        file,
        [
          JSON.stringify({ id: "p1", url: `${pages.base}/pages/jsonld-article.html` }),
          JSON.stringify({ id: "p2", url: `${pages.base}/status/404` }),
        ].join("\n"),
      );
      const result = await kg("ingest", file, "--allow-private", "--json", "--data", data.root);
      expect(result.code).toBe(1);
      expect(jsonLines(result.out)).toEqual([
        expect.objectContaining({ line: 1, id: "p1", status: "added", title: expect.stringMatching(/^Grid operator/) }),
        expect.objectContaining({ line: 2, id: "p2", status: "failed", error: expect.stringMatching(/answered 404/) }),
      ]);
    });

    it("exits 2 for --feed with other inputs, a mix of files and URLs, or one article's metadata", async () => {
      const before = stored(data.root);
      const feed = await kg("ingest", "--feed", `${pages.base}/feeds/news.rss`, "x.txt", "--data", data.root);
      expect(feed.code).toBe(2);
      const mixed = await kg("ingest", `${pages.base}/pages/article.html`, "x.txt", "--data", data.root);
      expect(mixed.code).toBe(2);
      const titled = await kg("ingest", `${pages.base}/pages/article.html`, "--title", "T", "--data", data.root);
      expect(titled.code).toBe(2);
      expect(stored(data.root)).toEqual(before);
    });
  });
});
