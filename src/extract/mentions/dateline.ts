/**
 * Datelines: the place a wire story was filed from, in capitals at the start of a paragraph ("SYDNEY, May 20 —",
 * "THE HAGUE (Reuters) -"), which the tagger reads as a name of any type.
 */
import type { Analysis, Token } from "../nlp/types.ts";

/** A dateline's place may have this many words ("RIO DE JANEIRO"). */
const MAX_WORDS = 4;
/** The dash that closes a dateline comes within this many tokens after the place ("South Korea, Nov 27 (Yonhap) -"). */
const MAX_TO_DASH = 10;

const CAPITALS = /^\p{Lu}[\p{Lu}\p{M}.'’-]*$/u;
const DASH = /^[—–-]$/u;
const FILLER = /^(?:\p{Lu}[\p{L}.]*|\d{1,4}|[,.()])$/u;

/**
 * The token range `[from, to)` of the dateline's place starting at token `i`, and the index of the dash that closes
 * the dateline; null when none starts there.
 */
export function datelineAt(a: Analysis, i: number): { from: number; to: number; dash: number } | null {
  const { tokens } = a;
  // The cheap test first: this runs on every token.
  if (!CAPITALS.test(a.tokens[i].text) || !paragraphStart(a, i)) return null;
  let j = i;
  while (j < tokens.length && j - i < MAX_WORDS && CAPITALS.test(tokens[j].text) && letters(tokens[j])) j++;
  // "THE HAGUE": the article alone is no place; "DE" and "DA" inside a name are capitalised too.
  if (j === i || (j - i === 1 && tokens[i].text === "THE")) return null;
  const after = tokens[j]?.text;
  if (after !== "," && after !== "(") return null;
  for (let k = j + 1; k < tokens.length && k <= j + MAX_TO_DASH; k++) {
    if (DASH.test(tokens[k].text)) return { from: i, to: j, dash: k };
    // Only a date, a state or an agency's name stands between: "May 20", "Ukraine, Aug. 2", "(Reuters)".
    if (!FILLER.test(tokens[k].text)) return null;
    if (a.text.slice(tokens[k - 1].end, tokens[k].start).includes("\n")) return null;
  }
  return null;
}

/** The place's name as a headline would write it: "THE HAGUE" -> "The Hague". */
export function datelineSurface(tokens: Token[], from: number, to: number, text: string): string {
  return text
    .slice(tokens[from].start, tokens[to - 1].end)
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

function letters(t: Token): boolean {
  return /\p{Lu}{2}/u.test(t.text);
}

/** Whether token `i` starts the text or a line (a space token holding the line break, or the gap before it). */
function paragraphStart(a: Analysis, i: number): boolean {
  if (i === 0) return true;
  const prev = a.tokens[i - 1];
  return (prev.pos === "SPACE" && prev.text.includes("\n")) || a.text.slice(prev.end, a.tokens[i].start).includes("\n");
}
