/**
 * Glued tokens: the tokenizer splits a word at letters outside its alphabet ("Timi|ș|oara", "T|ō|kaid|ō"); tokens
 * with letters touching, no space between, are read here as one word of a name.
 */
import type { Token } from "../nlp/types.ts";

const LETTER_END = /\p{L}$/u;
const LETTER_START = /^\p{L}/u;

/** Whether token `k` continues the word of token `k - 1` (letters touching, no space). */
export function isGlued(tokens: Token[], k: number): boolean {
  const prev = tokens[k - 1];
  const t = tokens[k];
  return !!prev && !!t && t.start === prev.end && LETTER_END.test(prev.text) && LETTER_START.test(t.text);
}

/** The words (lower case) of the name `tokens[from, to)`, glued tokens joined ("timișoara"). */
export function nameWords(tokens: Token[], from: number, to: number): string[] {
  const words: string[] = [];
  for (let k = from; k < to; k++)
    if (k > from && isGlued(tokens, k)) words[words.length - 1] += tokens[k].lower;
    else words.push(tokens[k].lower);
  return words;
}
