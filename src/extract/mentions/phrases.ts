/**
 * Phrase matching: the longest known name or multi-word phrase starting at a token.
 */
import { caseMatches, type NamePattern, type Phrase } from "../lexicon/compile.ts";
import type { Token } from "../nlp/types.ts";

/** The longest known name starting at token `i` and ending before `to`, or null. */
export function matchName(
  names: Map<string, NamePattern[]>,
  tokens: Token[],
  i: number,
  to: number,
): NamePattern | null {
  const candidates = names.get(tokens[i].lower);
  if (!candidates) return null;
  for (const p of candidates) {
    if (i + p.tokens.length > to) continue;
    let ok = true;
    for (let k = 0; k < p.tokens.length && ok; k++) {
      const t = tokens[i + k];
      ok = t.lower === p.tokens[k] && caseMatches(p.cases[k], p.original[k], t.text);
    }
    // A name must not end inside a longer hyphenated or possessive-free word run ("NATO-style" is one token already).
    if (ok) return p;
  }
  return null;
}

/** The longest phrase of `table` starting at token `i` (compared in lower case, or by lemma when `byLemma`). */
export function matchPhrase<T>(
  table: Map<string, Phrase<T>[]>,
  tokens: Token[],
  i: number,
  to: number,
  byLemma = false,
): { phrase: Phrase<T>; to: number } | null {
  const first = tokens[i];
  if (!first) return null;
  const candidates = table.get(byLemma ? first.lemma.toLowerCase() : first.lower);
  if (!candidates) return null;
  for (const phrase of candidates) {
    const n = phrase.words.length;
    if (i + n > to) continue;
    let ok = true;
    for (let k = 1; k < n && ok; k++) ok = tokens[i + k].lower === phrase.words[k];
    if (ok) return { phrase, to: i + n };
  }
  return null;
}
