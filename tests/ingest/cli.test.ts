import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MAX_DOCUMENT_BYTES } from "../../src/ingest/documentInput.ts";
import { loadDataset } from "../../src/store/load.ts";
import { validateDataset } from "../../src/graph/validate.ts";
import { makeTempData, SEED_DOC, type TempData } from "../helpers/tempData.ts";
import { kg } from "../helpers/kg.ts";

const EXTRACTOR_PRESENT = existsSync(path.resolve("src/extract/index.ts"));

function sourceFiles(root: string): string[] {
  return ["documents", "extracted"].flatMap((dir) =>
    existsSync(path.join(root, dir)) ? readdirSync(path.join(root, dir)).map((f) => `${dir}/${f}`) : [],
  );
}

describe("kg ingest", () => {
  let data: TempData;
  beforeAll(() => {
    data = makeTempData();
  });
  afterAll(() => data.remove());

  const file = (name: string, content: string | Uint8Array) => {
    const full = path.join(path.dirname(data.root), name);
    writeFileSync(full, content);
    return full;
  };

  describe("refuses bad files with exit 1, a message saying why, and nothing written", () => {
    const cases: [string, () => string, RegExp][] = [
      ["an empty file", () => file("empty.txt", "\n\n  \n"), /text is empty/],
      [
        "a binary file",
        () => file("image.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
        /not UTF-8|control character/,
      ],
      [
        "Latin-1 text",
        () => file("latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b])),
        /latin1\.txt is not UTF-8/,
      ],
      ["text with NUL bytes", () => file("nul.txt", "abc\u0000def"), /U\+0000/],
      ["an oversized file", () => file("big.txt", "a".repeat(MAX_DOCUMENT_BYTES + 1)), /limit is 200000 bytes/],
      [
        "a document already stored",
        () => file("seed.txt", data.read(`documents/${SEED_DOC}.txt`)),
        new RegExp(`already stored as document "${SEED_DOC}"`),
      ],
    ];
    for (const [what, make, message] of cases) {
      it(`refuses ${what}`, async () => {
        const path = make();
        const before = sourceFiles(data.root);
        const result = await kg("ingest", path, "--title", "T", "--data", data.root);
        expect(result.code).toBe(1);
        expect(result.err).toMatch(message);
        expect(sourceFiles(data.root)).toEqual(before);
      });
    }

    it("names a file it cannot read", async () => {
      const result = await kg("ingest", path.join(data.root, "missing.txt"), "--data", data.root);
      expect(result).toMatchObject({ code: 1, err: expect.stringContaining("cannot read") });
    });

    it("exits 2 with the usage when FILE is missing or a date is malformed", async () => {
      expect((await kg("ingest", "--data", data.root)).code).toBe(2);
      const bad = await kg("ingest", file("ok.txt", "Text."), "--date", "yesterday", "--data", data.root);
      expect(bad).toMatchObject({ code: 1, err: expect.stringContaining("YYYY-MM-DD") });
    });
  });

  it.skipIf(!EXTRACTOR_PRESENT)(
    "adds an article with the extraction pipeline and leaves valid data (skipped when src/extract is absent)",
    async () => {
      const article = file(
        "article.txt",
        "Talks resume in Istanbul\n\nMykhailo Podolyak, Kyiv’s lead negotiator, met Russian officials in Istanbul on Tuesday. Antony Blinken said the United States supports Ukraine.\n",
      );
      const result = await kg(
        "ingest",
        article,
        "--author",
        "A. Reporter",
        "--date",
        "2026-02-01",
        "--data",
        data.root,
      );
      expect(result.err).toBe("");
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/^added document 001_[0-9a-f]{16} "Talks resume in Istanbul"/);
      const dataset = loadDataset(data.root);
      expect(validateDataset(dataset)).toEqual([]);
      expect(dataset.extracted.map((e) => e.document)).toEqual([expect.stringMatching(/^001_/)]);
      expect(dataset.documents.get(dataset.extracted[0].document)?.meta).toMatchObject({
        author: "A. Reporter",
        published: "2026-02-01",
      });
    },
  );
});
