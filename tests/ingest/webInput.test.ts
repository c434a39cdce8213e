import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BatchItem } from "../../src/ingest/batchInput.ts";
import { feedDocuments, urlDocuments } from "../../src/ingest/webInput.ts";
import { startPageServer, type PageServer } from "./web/pageServer.ts";

/** The test server is on loopback: fetches that should reach it allow private addresses explicitly. */
const LOCAL = { allowPrivate: true };

async function collect(items: AsyncIterable<BatchItem>): Promise<BatchItem[]> {
  const out: BatchItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("ingest", () => {
  describe("webInput", () => {
    let pages: PageServer;
    beforeAll(async () => {
      pages = await startPageServer();
    });
    afterAll(() => pages.close());

    describe("urlDocuments", () => {
      it("gives one document per URL, in order, and names the URL of a page it cannot use", async () => {
        const items = await collect(
          urlDocuments([`${pages.base}/pages/jsonld-article.html`, `${pages.base}/status/500`], LOCAL),
        );
        expect(items).toEqual([
          {
            url: `${pages.base}/pages/jsonld-article.html`,
            input: expect.objectContaining({
              title: "Grid operator opens battery storage site near Fenwick",
              url: `${pages.base}/pages/jsonld-article.html`,
            }),
          },
          { url: `${pages.base}/status/500`, error: expect.stringContaining("answered 500") },
        ]);
      });

      it("refuses the loopback server when private addresses are not allowed", async () => {
        const [item] = await collect(urlDocuments([`${pages.base}/pages/article.html`]));
        expect(item).toEqual({
          url: `${pages.base}/pages/article.html`,
          error: expect.stringContaining("loopback"),
        });
      });
    });

    describe("feedDocuments", () => {
      it("adds both items of an RSS feed, the feed's title, date and author filling what a page lacks", async () => {
        const items = await collect(feedDocuments(`${pages.base}/feeds/news.rss`, LOCAL));
        expect(items).toEqual([
          {
            url: `${pages.base}/pages/article.html`,
            // The page's own metadata wins over the feed's.
            input: expect.objectContaining({
              title: "Harbour council backs new ferry terminal",
              author: "Mara Velkin",
              date: "2026-03-14",
            }),
          },
          {
            url: `${pages.base}/pages/bare-article.html`,
            input: expect.objectContaining({
              title: "Rowing club clears two tonnes of river litter",
              author: "Nadia Fross",
              date: "2026-03-15",
              text: expect.stringMatching(/^Volunteers from the Millbrook rowing club/),
            }),
          },
        ]);
      });

      it("adds both entries of an Atom feed", async () => {
        const items = await collect(feedDocuments(`${pages.base}/feeds/news.atom`, LOCAL));
        expect(items).toEqual([
          {
            url: `${pages.base}/pages/jsonld-article.html`,
            input: expect.objectContaining({ author: "Tomas Reyl, Ines Badoury", outlet: "The Valley Courier" }),
          },
          {
            url: `${pages.base}/pages/bare-article.html`,
            input: expect.objectContaining({
              title: "Rowing club clears two tonnes of river litter",
              author: "Nadia Fross, Lee Amsel",
              date: "2026-02-16",
            }),
          },
        ]);
      });

      it("reports a feed it cannot fetch or read as one failure naming the feed", async () => {
        expect(await collect(feedDocuments(`${pages.base}/pages/article.html`, LOCAL))).toEqual([
          { url: `${pages.base}/pages/article.html`, error: expect.stringContaining("not an RSS or Atom feed") },
        ]);
        expect(await collect(feedDocuments(`${pages.base}/feeds/news.rss`))).toEqual([
          { url: `${pages.base}/feeds/news.rss`, error: expect.stringContaining("loopback") },
        ]);
      });
    });
  });
});
