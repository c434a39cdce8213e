/**
 * Near-duplicates: the same article pasted again with other whitespace, line endings, typographic quotes or dashes
 * is refused with 409 naming the stored document, and nothing is written; a text that differs in words is not.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalisedText } from "../../src/ingest/documentIndex.ts";
import { writeHarness, type WriteHarness } from "./harness.ts";

const ARTICLE =
  'Acme Corp supports Globex Inc in the talks.\n\n"We back them," said a spokesperson — it\'s final.\nEnd of story.';

const VARIANTS: [string, string][] = [
  ["Windows line endings", ARTICLE.replace(/\n/g, "\r\n")],
  ["doubled spaces and a trailing newline", ARTICLE.replace(/ /g, "  ") + "\n\n"],
  ["re-wrapped lines", ARTICLE.replace("in the talks.", "in the\ntalks.")],
  ["typographic quotes", ARTICLE.replace(/"We back them,"/, "\u201cWe back them,\u201d").replace("it's", "it\u2019s")],
  ["an en dash and no-break spaces", ARTICLE.replace("—", "\u2013").replace("Acme Corp", "Acme\u00a0Corp")],
  ["a zero-width space", ARTICLE.replace("Globex", "Glo\u200bbex")],
];

describe("normalisedText", () => {
  it("reduces whitespace, line endings, quotes, dashes and invisible characters to one form", () => {
    for (const [what, variant] of VARIANTS) expect(normalisedText(variant), what).toBe(normalisedText(ARTICLE));
  });

  it("keeps differences in words and letter case", () => {
    expect(normalisedText("Acme supports Globex")).not.toBe(normalisedText("Acme opposes Globex"));
    expect(normalisedText("acme")).not.toBe(normalisedText("Acme"));
  });
});

describe("POST /api/documents with a near-duplicate", () => {
  let h: WriteHarness;
  let stored: string;
  const documents = () => readdirSync(path.join(h.data.root, "documents")).sort();
  beforeAll(async () => {
    h = writeHarness();
    const res = await request(h.app).post("/api/documents").send({ title: "The talks", text: ARTICLE }).expect(201);
    stored = res.body.document.id;
  });
  afterAll(() => h.remove());

  for (const [what, variant] of VARIANTS) {
    it(`refuses the article again with ${what}, naming the stored document`, async () => {
      const before = documents();
      const version = h.ctx.served.version;
      const res = await request(h.app).post("/api/documents").send({ title: "Again", text: variant }).expect(409);
      expect(res.body.error.code).toBe("conflict");
      expect(res.body.error.document).toBe(stored);
      expect(res.body.error.message).toContain(`already stored as document "${stored}" ("The talks")`);
      expect(documents()).toEqual(before);
      expect(h.ctx.served.version).toBe(version);
    });
  }

  it("still adds an article that differs in a word", async () => {
    const text = ARTICLE.replace("supports", "opposes");
    await request(h.app).post("/api/documents").send({ title: "Other", text }).expect(201);
  });
});
