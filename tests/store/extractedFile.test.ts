import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readExtractedFile } from "../../src/store/extractedFile.ts";
import type { DataIssue } from "../../src/store/issues.ts";

const FILE_TEXT = (label: string) => `document: "001_abc"
extractedAt: "2026-01-01T00:00:00.000Z"
entities:
  - key: e1
    label: "${label}"
    type: person
    aliases: []
    mentions: [{ start: 0, end: 4 }]
    entity: ${label.toLowerCase()}
    rule: new
relations: []
`;

describe("store", () => {
  describe("readExtractedFile", () => {
    let dir: string;
    let file: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), "kg-extracted-"));
      file = path.join(dir, "001_abc.yaml");
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    /** Replaces the file by rename, as every write of graph-data/ does. */
    function replace(text: string) {
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
    }

    it("reads the records with the line each starts on", () => {
      replace(FILE_TEXT("Anna"));
      const read = readExtractedFile(file, []);
      expect(read?.entities).toEqual([expect.objectContaining({ label: "Anna", at: { file, line: 4 } })]);
    });

    it("reads a file again once it has been replaced", () => {
      replace(FILE_TEXT("Anna"));
      readExtractedFile(file, []);
      replace(FILE_TEXT("Bert"));
      expect(readExtractedFile(file, [])?.entities[0].label).toBe("Bert");
    });

    it("reports a file broken after a good read, with its line", () => {
      replace(FILE_TEXT("Anna"));
      readExtractedFile(file, []);
      replace(FILE_TEXT("Anna").replace("type: person", "type: [person"));
      const issues: DataIssue[] = [];
      expect(readExtractedFile(file, issues)).toBeNull();
      expect(issues[0]).toMatchObject({ file, line: expect.any(Number) });
    });

    it("gives each caller records of its own to change", () => {
      replace(FILE_TEXT("Anna"));
      const first = readExtractedFile(file, []);
      first!.entities[0].label = "Changed";
      first!.entities.pop();
      expect(readExtractedFile(file, [])?.entities).toEqual([expect.objectContaining({ label: "Anna" })]);
    });
  });
});
