/**
 * Text analysis: sentences, tokens with offsets, part of speech, lemmas and numeric entities from wink-nlp.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { foldLatin } from "./foldLatin.ts";
import { splitNumeralEnds } from "./numeralEnds.ts";
import type { Analysis, NumericSpan, Sentence, Token } from "./types.ts";

// Only the annotations the rules read: negation and sentiment would run two more automata over every text unread.
const nlp = winkNLP(model, ["sbd", "pos", "ner"]);
const its = nlp.its;

/**
 * The size of wink-nlp's own English vocabulary: lexemes are numbered in it first and words read later get the
 * numbers after it, so the first word read, a made-up one, gets this number. wink-nlp keeps its `isOOV` private;
 * this probe, run before any text, reads the same boundary through its public `uniqueId`.
 */
const VOCABULARY_SIZE = (nlp.readDoc("qzxjvqkw").tokens().out(its.uniqueId) as number[])[0];
const vocabularyCache = new Map<string, boolean>();

// wink-nlp's published types do not accept every `its` helper in `out()`; this is the part of its API used here.
interface WinkItem {
  out(f?: unknown): unknown;
}
interface WinkCollection {
  out(f?: unknown): unknown[];
  each(cb: (item: WinkItem) => void): void;
}
interface WinkDoc {
  tokens(): WinkCollection;
  sentences(): WinkCollection;
  entities(): WinkCollection;
}

/** wink-nlp numeric entity types kept as date or quantity mentions. */
const NUMERIC_KINDS = new Set(["DATE", "MONEY", "PERCENT", "DURATION", "CARDINAL", "TIME"]);

const QUOTE_MARK = /[’‘`]/;
const QUOTE_MARKS = /[’‘`]/g;

/** Folds typographic apostrophes so that "Kyiv’s" and "Kyiv's" look alike to the rules. */
export function foldQuotes(text: string): string {
  // Most words have no such mark: a test is cheaper than a replacement that finds nothing.
  return QUOTE_MARK.test(text) ? text.replace(QUOTE_MARKS, "'") : text;
}

/**
 * Whether wink-nlp's vocabulary has `word` (any case): its vocabulary is the common English words, without the
 * names of people, places and firms ("turnout" and "malaria" are in it; "caldwell" and "helsinki" are not).
 */
export function isVocabularyWord(word: string): boolean {
  let hit = vocabularyCache.get(word);
  if (hit === undefined) {
    const ids = nlp.readDoc(word).tokens().out(its.uniqueId) as number[];
    hit = ids.length === 1 && ids[0] < VOCABULARY_SIZE;
    if (vocabularyCache.size < 10_000) vocabularyCache.set(word, hit);
  }
  return hit;
}

/** Runs wink-nlp over `text` and returns tokens with exact character offsets (wink keeps the text lossless). */
export function analyse(text: string): Analysis {
  // wink-nlp's model knows few marked letters: it splits "Iaşi." inside the word and tags "Şanlıurfa" as a symbol.
  // It reads the folded text, and the tokens keep the original's letters.
  const folded = foldLatin(text);
  const doc = nlp.readDoc(folded) as unknown as WinkDoc;
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma) as string[];
  const raw: Token[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length;
    const value = folded === text ? values[i] : text.slice(offset, offset + values[i].length);
    raw.push({
      text: value,
      lower: "",
      lemma: value === values[i] ? lemmas[i] : unfoldedLemma(value, values[i], lemmas[i]),
      pos: pos[i],
      start: offset,
      end: offset + value.length,
      sentence: 0,
    });
    offset += value.length;
  }
  const spansOut: number[][] = [];
  doc.sentences().each((s) => spansOut.push(s.out(its.span) as unknown as number[]));
  const numeric: number[][] = [];
  const kinds: string[] = [];
  doc.entities().each((e) => {
    const kind = e.out(its.type) as string;
    if (!NUMERIC_KINDS.has(kind)) return;
    numeric.push(e.out(its.span) as unknown as number[]);
    kinds.push(kind);
  });
  if (values.includes("I.")) splitNumeralEnds(raw, spansOut, numeric);
  return joinHyphens(text, raw, spansOut, numeric, kinds);
}

/** The lemma of a word the fold changed: its own letters when the lemma is the word ("Iaşi" → "iaşi"). */
function unfoldedLemma(word: string, folded: string, lemma: string): string {
  return lemma === folded.toLowerCase() ? word.toLowerCase() : lemma;
}

/**
 * wink-nlp splits "Al-Khelaifi" and "Secretary-General" into three tokens; names and compounds read better whole,
 * so a hyphen written without spaces between two words joins them (the last part gives the part of speech), and so
 * do letters written without a space between them.
 */
function joinHyphens(
  text: string,
  raw: Token[],
  sentenceSpans: number[][],
  numericSpans: number[][],
  kinds: string[],
): Analysis {
  const map = new Int32Array(raw.length);
  const tokens: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    const prev = tokens[tokens.length - 1];
    const next = raw[i + 1];
    if (
      (t.text === "-" || t.text === "–") &&
      prev &&
      next &&
      prev.end === t.start &&
      next.start === t.end &&
      isWord(prev.text) &&
      isWord(next.text)
    ) {
      prev.text = text.slice(prev.start, next.end);
      prev.end = next.end;
      prev.pos = next.pos === "PROPN" || prev.pos === "PROPN" ? "PROPN" : next.pos;
      prev.lemma = `${prev.lemma}-${next.lemma}`;
      map[i] = tokens.length - 1;
      map[i + 1] = tokens.length - 1;
      i++;
      continue;
    }
    // wink-nlp also splits a word at letters its model lacks ("Timi|ș|oara", "Vak|ı|flar"): letters written
    // without a space between them are one word.
    if (
      prev &&
      prev.end === t.start &&
      LETTERS.test(prev.text) &&
      LETTERS.test(t.text) &&
      (NOT_ASCII.test(prev.text) || NOT_ASCII.test(t.text))
    ) {
      prev.text = text.slice(prev.start, t.end);
      prev.end = t.end;
      prev.pos = prev.pos === "PROPN" || t.pos === "PROPN" ? "PROPN" : prev.pos;
      prev.lemma = prev.text;
      map[i] = tokens.length - 1;
      continue;
    }
    map[i] = tokens.length;
    tokens.push(t);
  }
  for (const t of tokens) t.lower = foldQuotes(t.text.toLowerCase());
  readAcronymsAsNames(tokens);
  const sentences: Sentence[] = [];
  for (const [a, b] of sentenceSpans) {
    // Blank text gives wink-nlp a sentence without tokens; it has nothing to offer.
    if (a === undefined || b === undefined || a > b || b >= raw.length) continue;
    const from = map[a];
    const to = map[b] + 1;
    for (let k = from; k < to; k++) tokens[k].sentence = sentences.length;
    sentences.push({ from, to, start: tokens[from].start, end: tokens[to - 1].end });
  }
  const numeric: NumericSpan[] = numericSpans.map(([a, b], k) => ({ from: map[a], to: map[b] + 1, kind: kinds[k] }));
  return { text, tokens, sentences, numeric };
}

/** A word in capitals of two to six letters: "SAP", "ARM", "ICE". */
const ACRONYM = /^\p{Lu}{2,6}$/u;

/**
 * wink-nlp tags an acronym that spells a common word as that noun ("SAP", "NEST"); written in capitals between words
 * that are not, it is a name, as the acronyms it does tag ("IBM", "GDP") are. A run of capitals is a headline, left as
 * tagged.
 */
function readAcronymsAsNames(tokens: Token[]): void {
  const shouting = (t: Token | undefined) => !!t && t.text.length > 1 && ACRONYM.test(t.text);
  tokens.forEach((t, k) => {
    if (t.pos === "NOUN" && ACRONYM.test(t.text) && !shouting(tokens[k - 1]) && !shouting(tokens[k + 1]))
      t.pos = "PROPN";
  });
}

const LETTERS = /^\p{L}+$/u;
const NOT_ASCII = /[^\p{ASCII}]/u;

function isWord(s: string): boolean {
  return /^[\p{L}\p{N}]/u.test(s);
}
