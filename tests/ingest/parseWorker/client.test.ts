import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseOffThread } from "../../../src/ingest/parseWorker/client.ts";
import { isParsed, readExtractedFile } from "../../../src/store/extractedFile.ts";
import type { DataIssue } from "../../../src/store/issues.ts";
import { makeTempData } from "../../helpers/tempData.ts";

describe("parseWorker", () => {
  describe("parseOffThread", () => {
    const data = makeTempData();
    const folder = path.join(data.root, "extracted");
    mkdirSync(folder, { recursive: true });
    afterAll(() => data.remove());

    it("parses a file on the worker thread and remembers the parse as the main thread's own", async () => {
      const file = path.join(folder, "001_a.yaml");
      data.write("extracted/001_a.yaml", "document: 001_a\nentities: []\nrelations: []\n");
      expect(isParsed(file)).toBe(false);
      expect(await parseOffThread(file)).toBe(true);
      expect(isParsed(file)).toBe(true);
      expect(readExtractedFile(file, [])).toMatchObject({ document: "001_a", entities: [], relations: [] });
    });

    it("remembers nothing of a file with problems, so the main thread's read reports them", async () => {
      const file = path.join(folder, "002_b.yaml");
      data.write("extracted/002_b.yaml", "document: 999_other\nentities: []\nrelations: []\n");
      expect(await parseOffThread(file)).toBe(true);
      expect(isParsed(file)).toBe(false);
      const issues: DataIssue[] = [];
      expect(readExtractedFile(file, issues)).toBeNull();
      expect(issues[0].message).toMatch(/does not match the file name/);
    });

    it("answers false for a file that is not there", async () => {
      expect(await parseOffThread(path.join(folder, "003_missing.yaml"))).toBe(false);
    });
  });
});
