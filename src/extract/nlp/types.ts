/**
 * Analysis types: tokens with character offsets, sentences and numeric spans produced by wink-nlp.
 */

/** Universal part-of-speech tag as wink-nlp writes it ("PROPN", "VERB", "ADP", ...). */
export type Pos = string;

/** A token with its `[start, end)` offsets in the original text. */
export interface Token {
  text: string;
  /** Lower case with typographic apostrophes folded to "'". */
  lower: string;
  lemma: string;
  pos: Pos;
  start: number;
  end: number;
  sentence: number;
}

/** A sentence as a token range `[from, to)` and a character range. */
export interface Sentence {
  from: number;
  to: number;
  start: number;
  end: number;
}

/** A wink-nlp numeric entity (DATE, MONEY, PERCENT, ...) as a token range. */
export interface NumericSpan {
  from: number;
  to: number;
  kind: string;
}

/** The analysed text. */
export interface Analysis {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  numeric: NumericSpan[];
}
