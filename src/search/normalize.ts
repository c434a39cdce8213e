/**
 * Name normalisation: folds case, accents and punctuation so "Zelenskyy", "zelenskyy" and "Zelénskyy" compare equal.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * Lower-case, accent-free, with every run of punctuation or space turned into one space (so "antony-blinken" and
 * "Antony Blinken" are the same name). Returns "" for text without letters or digits.
 */
export function normalizeName(text: string): string {
  return text.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase().replace(NOT_LETTER_OR_DIGIT, " ").trim();
}
