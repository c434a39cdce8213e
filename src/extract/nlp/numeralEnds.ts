/**
 * Sentence ends after a roman numeral one: wink-nlp reads "I." as an initial, so "in World War I. Angell was" and
 * "False Dmitri I. Upon his death" run on as one sentence and one name.
 */
import { startsUpper } from "./letters.ts";
import type { Token } from "./types.ts";

/** Words that open a sentence, not a surname: after "Dmitri I." they say the numeral ended one. */
const OPENER_POS = new Set(["DET", "PRON", "ADP", "CCONJ", "SCONJ", "ADV", "NUM", "AUX"]);

/** Whether the "I." at `k` ends its sentence: after "War", or before a capitalised word that opens one. */
function endsSentence(raw: Token[], k: number): boolean {
  const prev = raw[k - 1];
  const next = raw[k + 1];
  if (!prev || !next || next.start === raw[k].end || !startsUpper(next.text)) return false;
  if (!startsUpper(prev.text)) return false;
  return prev.text === "War" || OPENER_POS.has(next.pos);
}

/**
 * Splits each "I." that ends a sentence into the numeral and its full stop, and its sentence in two; token indices
 * in `sentenceSpans` (inclusive `[first, last]`) and `numericSpans` move with the tokens.
 */
export function splitNumeralEnds(raw: Token[], sentenceSpans: number[][], numericSpans: number[][]): void {
  for (let k = raw.length - 2; k > 0; k--) {
    if (raw[k].text !== "I." || !endsSentence(raw, k)) continue;
    const t = raw[k];
    const stop: Token = { ...t, text: ".", lemma: ".", pos: "PUNCT", start: t.end - 1 };
    Object.assign(t, { text: "I", lemma: "I", pos: "PROPN", end: t.end - 1 });
    raw.splice(k + 1, 0, stop);
    const shift = (i: number) => (i > k ? i + 1 : i);
    for (const span of numericSpans) span.splice(0, 2, shift(span[0]), shift(span[1]));
    const at = sentenceSpans.findIndex(([a, b]) => a <= k && k <= b);
    for (const span of sentenceSpans) span.splice(0, 2, shift(span[0]), shift(span[1]));
    if (at >= 0 && sentenceSpans[at][1] > k + 1)
      sentenceSpans.splice(at, 1, [sentenceSpans[at][0], k + 1], [k + 2, sentenceSpans[at][1]]);
  }
}
