/**
 * Extraction: the public surface of src/extract/ (text -> candidate entities and relations, and its evaluation).
 */
export { extractDocument } from "./extract.ts";
export { loadExtractContext, compiledFor } from "./context.ts";
export { loadLexicon, lexiconPath, EMPTY_LEXICON } from "./lexicon/lexiconFile.ts";
export { checkText, MAX_TEXT_BYTES, type TextCheck } from "./input.ts";
export * from "./types.ts";
export type { Lexicon, LexiconEntry } from "./lexicon/types.ts";
