import { describe, expect, it } from "vitest";
import { foldLatin } from "../../../src/extract/nlp/foldLatin.ts";

describe("extract", () => {
  describe("foldLatin", () => {
    it("replaces each marked Latin letter with its plain letter, keeping the length", () => {
      const text = "Şanlıurfa, Łódź, Ærøskøbing, Đà Nẵng, Straße";
      const folded = foldLatin(text);
      expect(folded).toBe("Sanliurfa, Lodz, Aroskobing, Da Nang, Strase");
      expect(folded.length).toBe(text.length);
    });

    it("leaves plain text, other scripts and symbols as they are", () => {
      const text = "Kyiv — Київ, 東京 «€5»";
      expect(foldLatin(text)).toBe(text);
      expect(foldLatin("plain")).toBe("plain");
    });
  });
});
