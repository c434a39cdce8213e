import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IngestError } from "../../../src/ingest/types.ts";
import { feedItems } from "../../../src/ingest/web/feed.ts";

const BASE = "http://feeds.example:8080";
const feed = (name: string) =>
  readFileSync(path.resolve("tests/fixtures/web", name), "utf8").replaceAll("{{BASE}}", BASE);

describe("ingest/web", () => {
  describe("feedItems", () => {
    it("reads an RSS 2.0 feed's items: link, title, date and author (dc:creator)", () => {
      expect(feedItems(feed("news.rss"), `${BASE}/feeds/news.rss`)).toEqual([
        {
          link: `${BASE}/pages/article.html`,
          title: "Harbour council backs new ferry terminal (feed title)",
          date: "Sat, 14 Mar 2026 07:30:00 GMT",
          author: "Feed Desk",
        },
        {
          link: `${BASE}/pages/bare-article.html`,
          title: "Rowing club clears two tonnes of river litter",
          date: "Sun, 15 Mar 2026 18:05:00 GMT",
          author: "Nadia Fross",
        },
      ]);
    });

    it("reads an Atom feed's entries: the alternate link (relative ones resolved), published or updated, authors", () => {
      expect(feedItems(feed("news.atom"), `${BASE}/feeds/news.atom`)).toEqual([
        {
          link: `${BASE}/pages/jsonld-article.html`,
          title: "Grid operator opens battery storage site near Fenwick",
          date: "2026-02-11T07:15:00Z",
          author: "Courier Staff",
        },
        {
          link: `${BASE}/pages/bare-article.html`,
          title: "Rowing club clears two tonnes of river litter",
          date: "2026-02-16T11:40:00Z",
          author: "Nadia Fross, Lee Amsel",
        },
      ]);
    });

    it("reads an RSS 1.0 (RDF) feed, and an item without a link as one to report", () => {
      const rdf = `<?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="${BASE}/"><title>T</title></channel>
          <item rdf:about="${BASE}/a"><title>A</title><link>${BASE}/a</link><dc:date>2026-01-02</dc:date></item>
          <item rdf:about="${BASE}/b"><title>B</title></item>
        </rdf:RDF>`;
      expect(feedItems(rdf, BASE)).toEqual([
        { link: `${BASE}/a`, title: "A", date: "2026-01-02" },
        { link: null, title: "B" },
      ]);
    });

    it("refuses XML that is not well-formed, and XML that is not a feed", () => {
      expect(() => feedItems("this is no XML", BASE)).toThrow(/not well-formed XML/);
      expect(() => feedItems('<rss><channel><item a="1></item></channel></rss>', BASE)).toThrow(/not well-formed XML/);
      expect(() => feedItems("<html><body/></html>", BASE)).toThrow(IngestError);
      expect(() => feedItems("<html><body/></html>", BASE)).toThrow(/not an RSS or Atom feed \(its root is <html>\)/);
    });
  });
});
