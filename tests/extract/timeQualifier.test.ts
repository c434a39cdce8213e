/**
 * Time qualifiers: the times a sentence writes out are found verbatim, counts and relative times are not, and a
 * relation takes the time of its quote before the one elsewhere in its sentence.
 */
import { describe, expect, it } from "vitest";
import { addTimeQualifiers, findTimeQualifier } from "../../src/extract/timeQualifier.ts";
import type { Sentence } from "../../src/extract/nlp/types.ts";
import type { ExtractedRelation } from "../../src/extract/types.ts";

describe("findTimeQualifier", () => {
  it.each([
    ["Russia annexed Crimea in 2014.", "in 2014"],
    ["He has led the party since 2010.", "since 2010"],
    ["In March 2014, troops moved in.", "In March 2014"],
    ["The talks began on March 5, 2014 in Minsk.", "on March 5, 2014"],
    ["It was signed on 5 Sept. 2019.", "on 5 Sept. 2019"],
    ["They met on 2022-03-15 in Geneva.", "on 2022-03-15"],
    ["The minutes are dated 2022-03-15.", "2022-03-15"],
    ["She served from 2010 to 2014.", "from 2010 to 2014"],
    ["Prices rose between 2019 and 2021.", "between 2019 and 2021"],
    ["The report (2019) says so.", "2019"],
  ])("finds the time in %j", (text, time) => {
    expect(findTimeQualifier(text)).toBe(time);
  });

  it.each([
    ["2000 soldiers crossed the border."],
    ["The 2014 annexation was condemned."],
    ["He paid 12014 dollars."],
    ["Not a day: 2022-13-40."],
    ["The talks resume next week."],
    ["In May the talks resumed."],
  ])("finds nothing in %j", (text) => {
    expect(findTimeQualifier(text)).toBeNull();
  });

  it("returns the first time when a sentence gives several", () => {
    expect(findTimeQualifier("Since 2010 he has lived in Kyiv, and in 2014 he moved.")).toBe("Since 2010");
  });
});

describe("addTimeQualifiers", () => {
  const text = "In 2014 Russia annexed Crimea. Podolyak has negotiated since 2022 with Moscow.";
  const sentences: Sentence[] = [
    { from: 0, to: 6, start: 0, end: 30 },
    { from: 6, to: 13, start: 31, end: text.length },
  ];
  const relation = (start: number, end: number, kind: ExtractedRelation["kind"] = "typed"): ExtractedRelation => ({
    source: "a",
    target: "b",
    predicate: "p",
    kind,
    confidence: 0.9,
    stance: "neutral",
    modality: "asserted",
    rule: "svo",
    evidence: { quote: text.slice(start, end), start, end },
  });

  it("takes the time from the quote, else from the rest of the quote's sentence", () => {
    const fromQuote = relation(31, text.length);
    const fromSentence = relation(8, 29);
    addTimeQualifiers(text, sentences, [fromQuote, fromSentence]);
    expect(fromQuote.qualifiers).toEqual({ time: "since 2022" });
    expect(fromSentence.qualifiers).toEqual({ time: "In 2014" });
  });

  it("keeps a relation's other qualifiers and leaves co-occurrences alone", () => {
    const withRole = { ...relation(31, 48), qualifiers: { role: "negotiator" } };
    const cooccurrence = relation(0, 30, "cooccurrence");
    addTimeQualifiers(text, sentences, [withRole, cooccurrence]);
    expect(withRole.qualifiers).toEqual({ role: "negotiator", time: "since 2022" });
    expect(cooccurrence.qualifiers).toBeUndefined();
  });
});
