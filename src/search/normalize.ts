/**
 * Name normalisation: folds case, accents and punctuation so "Zelenskyy", "zelenskyy" and "Zelénskyy" compare equal.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const ASCII = /^[\u0020-\u007e]*$/;
const NOT_ASCII_LETTER_OR_DIGIT = /[^a-z0-9]+/g;

/**
 * Lower-case, accent-free, with every run of punctuation or space turned into one space (so "antony-blinken" and
 * "Antony Blinken" are the same name). Returns "" for text without letters or digits.
 */
export function normalizeName(text: string): string {
  // Most names are plain ASCII: skip Unicode decomposition, the costliest step when indexing 100k names.
  if (ASCII.test(text)) return text.toLowerCase().replace(NOT_ASCII_LETTER_OR_DIGIT, " ").trim();
  return text.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase().replace(NOT_LETTER_OR_DIGIT, " ").trim();
}
