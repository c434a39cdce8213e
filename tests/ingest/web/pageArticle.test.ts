import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDocumentInput } from "../../../src/ingest/documentInput.ts";
import { IngestError } from "../../../src/ingest/types.ts";
import { articleFromHtml, calendarDay } from "../../../src/ingest/web/pageArticle.ts";

const page = (name: string) => readFileSync(path.resolve("tests/fixtures/web", name), "utf8");

describe("ingest/web", () => {
  describe("articleFromHtml", () => {
    describe("a news page with navigation, adverts, comments and a footer", () => {
      const document = articleFromHtml(page("article.html"), "https://ledger.example/a");

      it("keeps the article's paragraphs, separated by blank lines", () => {
        expect(document.text.startsWith("The Port Alden harbour council voted on Thursday")).toBe(true);
        expect(document.text).toContain("\n\nCouncil chair Oskar Brenn said the terminal would replace");
        expect(document.text).toContain("once the second berth is open.");
        expect(document.text.split("\n\n")).toHaveLength(5);
      });

      it.each([
        ["navigation", "Subscribe today"],
        ["the banner advert", "ADVERTISEMENT"],
        ["the advert inside the article", "rain jackets"],
        ["the byline line", "By Mara Velkin"],
        ["related stories", "Lighthouse keeper"],
        ["comments", "reader42"],
        ["a comment's text", "I have waited in the rain"],
        ["the footer", "All rights reserved"],
        ["scripts", "analyticsQueue"],
      ])("leaves out %s", (_what, boilerplate) => {
        expect(document.text).not.toContain(boilerplate);
      });

      it("takes title, author, date and outlet from OpenGraph and meta tags, and the URL it was fetched from", () => {
        expect(document).toMatchObject({
          title: "Harbour council backs new ferry terminal",
          author: "Mara Velkin",
          date: "2026-03-14",
          outlet: "The Coastal Ledger",
          url: "https://ledger.example/a",
        });
      });

      it("makes a document the ingest schema accepts", () => {
        expect(() => checkDocumentInput(document)).not.toThrow();
      });
    });

    it("reads a page's JSON-LD NewsArticle: headline, every author, publication date and publisher", () => {
      const document = articleFromHtml(page("jsonld-article.html"), null);
      expect(document).toMatchObject({
        title: "Grid operator opens battery storage site near Fenwick",
        author: "Tomas Reyl, Ines Badoury",
        date: "2026-02-11",
        outlet: "The Valley Courier",
      });
      expect(document.text).toMatch(/^The regional grid operator Westmark Power opened/);
      expect(document.text).not.toContain("Front page");
    });

    it("keeps a saved page's canonical address when no URL is given", () => {
      expect(articleFromHtml(page("article.html"), null).url).toBe(
        "https://ledger.example/news/harbour-ferry-terminal",
      );
    });

    it("reads the date of a <time datetime> and the author of <meta name=author> when nothing else says", () => {
      const html = `<html><head><meta name="author" content="Ada Holm"></head><body><article>
        <h1>Bridge reopens</h1><p><time datetime="2025-12-01">1 December</time></p>
        <p>${"The old bridge over the canal reopened to traffic after a year of repairs. ".repeat(8)}</p>
      </article></body></html>`;
      expect(articleFromHtml(html, null)).toMatchObject({ author: "Ada Holm", date: "2025-12-01" });
    });

    it("lets given fields win over the page's, and fallbacks fill only what the page lacks", () => {
      const given = articleFromHtml(page("article.html"), null, { given: { title: "My title", date: "2026-01-01" } });
      expect(given).toMatchObject({ title: "My title", date: "2026-01-01", author: "Mara Velkin" });
      const bare = articleFromHtml(page("bare-article.html"), null, {
        fallback: { title: "From the feed", author: "Feed Author", date: "2026-03-15" },
      });
      expect(bare).toMatchObject({ title: "From the feed", author: "Feed Author", date: "2026-03-15" });
      const full = articleFromHtml(page("article.html"), null, { fallback: { title: "From the feed" } });
      expect(full.title).toBe("Harbour council backs new ferry terminal");
    });

    it("cleans metadata the schema would refuse: control characters and over-long titles", () => {
      const html = `<html><head><meta property="og:title" content="Line\u0007one\u202Etwo ${"x".repeat(400)}">
        </head><body><article><p>${"A sentence of the story. ".repeat(30)}</p></article></body></html>`;
      const document = articleFromHtml(html, null);
      expect(document.title.startsWith("Line one two x")).toBe(true);
      expect(document.title.length).toBe(300);
      expect(() => checkDocumentInput(document)).not.toThrow();
    });

    it("refuses a page with no article text", () => {
      expect(() => articleFromHtml("<html><body><nav><a href='/'>Home</a></nav></body></html>", null)).toThrow(
        IngestError,
      );
    });
  });

  describe("calendarDay", () => {
    it.each([
      ["2026-03-14T23:30:00-05:00", "2026-03-14"],
      ["2026-03-14", "2026-03-14"],
      ["Sat, 14 Mar 2026 07:30:00 GMT", "2026-03-14"],
      ["2026-02-30T10:00:00Z", undefined],
      ["yesterday", undefined],
      [undefined, undefined],
    ])("reads %s as %s", (value, day) => {
      expect(calendarDay(value)).toBe(day);
    });
  });
});
