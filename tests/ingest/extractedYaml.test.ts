import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { extractedFileYaml } from "../../src/ingest/extractedYaml.ts";
import { ExtractedFileSchema, type ExtractedFile } from "../../src/model/schemas.ts";

const TRICKY = [
  "Kyiv’s “real negotiation,” — 100%",
  'He said: "no" # not a comment',
  "  leading and trailing spaces  ",
  "line\nbreak and\ttab",
  "true",
  "null",
  "123",
  "- dash",
  "[brackets] {braces}",
  "emoji 🇺🇦 and \u2028 separator",
  "",
];

function sample(strings: string[]): ExtractedFile {
  return {
    document: "001_0123456789abcdef",
    extractedAt: "2026-01-02T03:04:05.000Z",
    entities: strings.map((s, i) => ({
      key: `e${i + 1}`,
      label: s || "x",
      type: "person",
      aliases: [s || "y", "no"],
      mentions: [{ start: i, end: i + 3 }],
      entity: i % 2 ? "on" : `label-${i}`,
      rule: "new",
    })),
    relations: strings.map((s, i) => ({
      id: `001_0123456789abcdef.r${i + 1}`,
      subject: "e1",
      predicate: "mentioned_with",
      object: "e2",
      kind: "cooccurrence",
      evidence: [{ doc: "001_0123456789abcdef", quote: s || "q", start: 0, end: 5 }],
      stance: "neutral",
      modality: "reported",
      confidence: 0.125,
      ...(i % 3 === 0 ? { qualifiers: { role: s || "r", time: "2022" } } : {}),
    })),
    mentionMerges: strings.map((s, i) => ({ key: "e1", surface: s || "z", start: i, end: i + 1, rule: "surname" })),
  };
}

describe("extractedFileYaml", () => {
  it("writes YAML that reads back to the same file, whatever the strings hold", () => {
    const file = sample(TRICKY);
    const text = extractedFileYaml(file, "# header");
    expect(text.startsWith("# header\n")).toBe(true);
    expect(ExtractedFileSchema.parse(parse(text))).toEqual(file);
  });

  it("writes an open relation's verb phrase, whatever it holds, and reads it back", () => {
    const file = sample(TRICKY.filter(Boolean));
    file.relations = file.relations.map((r, i) => ({
      ...r,
      predicate: "related_to",
      kind: "open",
      ...(i % 2 ? {} : { label: TRICKY[i] }),
    }));
    const text = extractedFileYaml(file, "# header");
    expect(text).toContain("    kind: open\n    label: ");
    expect(ExtractedFileSchema.parse(parse(text))).toEqual(file);
  });

  it("writes empty lists as []", () => {
    const file: ExtractedFile = { document: "d", entities: [], relations: [] };
    expect(ExtractedFileSchema.parse(parse(extractedFileYaml(file, "# h")))).toEqual(file);
  });
});
