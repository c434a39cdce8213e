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

    it("reads a name with marked Latin letters as a name, whole, in the text's own letters", () => {
      const text = "Ştefan Popescu was born in Iaşi. He moved to Şanlıurfa.";
      const a = analyse(text);
      expect(a.tokens.map((t) => t.text)).toEqual([
        "Ştefan",
        "Popescu",
        "was",
        "born",
        "in",
        "Iaşi",
        ".",
        "He",
        "moved",
        "to",
        "Şanlıurfa",
        ".",
      ]);
      for (const t of a.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(a.tokens.filter((t) => /[ŞşŁ]/.test(t.text)).map((t) => t.pos)).toEqual(["PROPN", "PROPN", "PROPN"]);
      expect(a.tokens[5].lemma).toBe("iaşi");
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

    it("ends a sentence at a roman numeral one, where the tokenizer read an initial", () => {
      const text = "He fought in World War I. Angell was admitted. Dmitri I. Upon his death, John I. Smith ruled.";
      const a = analyse(text);
      const sentences = a.sentences.map((s) => text.slice(s.start, s.end));
      expect(sentences).toEqual([
        "He fought in World War I.",
        "Angell was admitted.",
        "Dmitri I.",
        "Upon his death, John I. Smith ruled.",
      ]);
      const numeral = a.tokens.find((t) => t.text === "I")!;
      expect(text.slice(numeral.start, numeral.end)).toBe("I");
      expect(a.tokens.map((t) => t.text)).toContain("I.");
      a.tokens.forEach((t) => expect(text.slice(t.start, t.end)).toBe(t.text));
    });
  });
});
