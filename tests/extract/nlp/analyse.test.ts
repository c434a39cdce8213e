import { describe, expect, it } from "vitest";
import { analyse } from "../../../src/extract/nlp/analyse.ts";

const words = (text: string) => analyse(text).tokens.map((t) => t.text);

describe("extract", () => {
  describe("analyse", () => {
    it("keeps a word whole where the tokenizer splits it at letters it lacks", () => {
      expect(words("He was born in Timișoara, Romania.")).toEqual([
        "He",
        "was",
        "born",
        "in",
        "Timișoara",
        ",",
        "Romania",
        ".",
      ]);
      const t = analyse("Tōkyō is big.").tokens[0];
      expect(t).toMatchObject({ text: "Tōkyō", start: 0, end: 5, pos: "PROPN" });
    });

    it("leaves English contractions and fused words split", () => {
      expect(words("I don't know; she cannot say.")).toEqual([
        "I",
        "do",
        "n't",
        "know",
        ";",
        "she",
        "can",
        "not",
        "say",
        ".",
      ]);
    });

    it("joins hyphenated names and keeps every token's offsets in the text", () => {
      const text = "Al-Khelaifi met the Secretary-General in Zürich.";
      const a = analyse(text);
      expect(a.tokens.map((t) => t.text)).toContain("Al-Khelaifi");
      for (const t of a.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    });
  });
});
