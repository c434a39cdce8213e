/**
 * Letter tests the rules ask of every word, on regular expressions built once: a pattern with a Unicode property
 * written inside a function is compiled again at each call once the TypeScript is transpiled for this Node.
 */

const UPPER_START = /^\p{Lu}/u;

/** Whether `text` starts with a capital letter of any script ("Kyiv", "Élysée", "Δ"). */
export function startsUpper(text: string): boolean {
  return UPPER_START.test(text);
}

const LOWER_START = /^\p{Ll}/u;

/** Whether `text` starts with a lower-case letter of any script ("said", "état"). */
export function startsLower(text: string): boolean {
  return LOWER_START.test(text);
}

const LOWER_PLURAL = /^\p{Ll}.*s$/u;

/** Whether `text` is written in lower case first and ends in "s", as a plural common noun is ("regulators"). */
export function isLowerPlural(text: string): boolean {
  return LOWER_PLURAL.test(text);
}
