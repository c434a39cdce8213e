/**
 * Weak words: capitalised words that are names only if resolution joins them to a name — a head word alone ("the
 * Government"), a demonym made a noun ("Dutchman"), a word capitalised only because it starts its sentence.
 */
import type { CompiledContext } from "../lexicon/compile.ts";
import type { Analysis, Token } from "../nlp/types.ts";
import { isVocabularyWord } from "../nlp/analyse.ts";
import { datelineAt } from "./dateline.ts";
import { isCommonWord, isNameHead, isNameWord, isPluralNoun } from "./typing.ts";
import { startsUpper } from "../nlp/letters.ts";

/** Bodies a text names by their head word alone: "Congress passed the bill", "the Army withdrew". */
const SOLE_BODIES = new Set([
  ...["congress", "senate", "parliament", "army", "navy", "union", "coalition", "territory", "committee", "assembly"],
  ...["legislature", "council", "cabinet", "commission", "court", "police"],
]);

const ALL_CAPITALS = /^\p{Lu}+$/u;

/**
 * Whether the lone word at `k` is only a head word of names ("Government", "Academy"): not an acronym ("FC"), not
 * numbered ("Interstate 680"), and not one of the bodies a text names by their head alone ("Congress").
 */
export function isHeadOnly(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!isNameHead(t.lower) || SOLE_BODIES.has(t.lower) || ALL_CAPITALS.test(t.text)) return false;
  return tokens[k + 1]?.pos !== "NUM" && tokens[k - 1]?.pos !== "NUM";
}

/**
 * Abbreviations of things, not of names: written in capitals like a firm's acronym, they name no one ("GDP grew",
 * "AI firms", "the CEO said").
 */
const CONCEPT_ACRONYMS = new Set([
  ...["gdp", "gnp", "cpi", "ai", "agi", "ceo", "cfo", "coo", "cto", "ipo", "vat", "tv", "pc", "it", "dna", "rna"],
  ...["hiv", "aids", "covid", "sars", "mri", "gps", "suv", "ev", "evs", "lng", "lpg", "ngo", "ngos", "mp", "mps"],
  ...["pm", "am", "gmt", "utc", "id", "iq", "uv", "led", "atm", "phd", "mba", "ok", "faq", "ceos", "ipos", "vip"],
  // Eras: "the 16th century BCE", "AD 79".
  ...["bc", "bce", "ce", "ad"],
]);

/** Words that count before "of" ("Tens of thousands of workers"), capitalised only to open a sentence. */
const COUNTS = new Set(["tens", "dozens", "scores", "hundreds", "thousands", "millions", "billions"]);

/** Whether the word at `k` is a count before "of" ("Hundreds of people"), which names no one. */
export function isCountOf(tokens: Token[], k: number): boolean {
  return COUNTS.has(tokens[k].lower) && tokens[k + 1]?.lower === "of";
}

const ACRONYM = /^\p{Lu}+s?$/u;

/** Whether the word is an abbreviation of a thing ("GDP", "CEO"), which a text capitalises without naming anyone. */
export function isConceptAcronym(text: string): boolean {
  return ACRONYM.test(text) && CONCEPT_ACRONYMS.has(text.toLowerCase());
}

/** "Dutchman", "Frenchwomen": a demonym made a noun for a person is not a name. */
export function isDemonymNoun(ctx: CompiledContext, word: string): boolean {
  const stem = /^(.+?)(?:man|men|woman|women)$/.exec(word)?.[1];
  return !!stem && !!ctx.names.get(stem)?.some((p) => p.name.kind === "demonym-adjective");
}

/**
 * Whether token `k` starts its sentence, modifies the common noun after it ("Environmental groups") or reads as a
 * plural common noun ("Regulators in ..."), and is written capitalised nowhere else in the text: then only its
 * position made it capitalised.
 */
export function onlySentenceInitial(a: Analysis, k: number): boolean {
  const t = a.tokens[k];
  const next = a.tokens[k + 1];
  if (!startsSentence(a, k) || !next) return false;
  const modifier = next.pos === "NOUN" && !startsUpper(next.text);
  if (!modifier && !isPluralNoun(t.lower)) return false;
  return !capitalisedElsewhere(a, k, false);
}

/**
 * Whether the lone word at `k` starts its sentence, is a common English word ("Turnout was 66 percent", "Malaria
 * killed"), is no name compromise knows, and is written capitalised nowhere else in the text.
 */
export function commonWordStartingSentence(a: Analysis, k: number): boolean {
  const t = a.tokens[k];
  if (!startsSentence(a, k) || isNameWord(t.lower) || !isVocabularyWord(t.lower)) return false;
  // "Labour's Marcus Adebayo": what owns something by name is a name.
  if (a.tokens[k + 1]?.lower === "'s") return false;
  // Written capitalised alone elsewhere, it is a name; inside a longer name ("the BC Wildfire Service") it need not be.
  return !capitalisedElsewhere(a, k, true);
}

/**
 * Whether the word at `k` is written the same, capitalised, somewhere other than at a sentence's start; with
 * `aloneOnly`, an occurrence next to another capitalised word (inside a longer name) does not count.
 */
function capitalisedElsewhere(a: Analysis, k: number, aloneOnly: boolean): boolean {
  const text = a.tokens[k].text;
  const capitalised = (i: number) => startsUpper(a.tokens[i]?.text ?? "");
  for (let i = 0; i < a.tokens.length; i++) {
    if (i === k || a.tokens[i].text !== text || startsSentence(a, i)) continue;
    if (!aloneOnly || (!capitalised(i - 1) && !capitalised(i + 1))) return true;
  }
  return false;
}

/**
 * Words that open sentences and never start a name, though a tagger may read them as one when they follow a quote
 * mark or head a headline: conjunctions, prepositions, pronouns, and the adjectives of a role ("Former Chelsea
 * striker", "When Mars lit up").
 */
const OPENING_WORDS = new Set([
  ...["when", "while", "whilst", "if", "after", "before", "as", "but", "and", "or", "since", "although", "though"],
  ...["because", "once", "until", "unless", "whether", "where", "why", "how", "what", "who", "which", "whose"],
  ...["this", "that", "these", "those", "there", "here", "then", "also", "yet", "so", "now", "meanwhile"],
  ...["however", "instead", "despite", "during", "under", "with", "without", "among", "between", "against"],
  ...["his", "her", "their", "its", "our", "my", "your", "we", "they", "he", "she", "it", "i", "you"],
  ...["some", "many", "most", "both", "each", "every", "no", "not", "only", "even", "just", "like", "unlike"],
  ...["former", "ex", "late", "acting", "interim", "outgoing", "incoming", "veteran", "embattled"],
]);

/**
 * Whether token `k` opens its sentence with a word that never starts a name (see {@link OPENING_WORDS}); an acronym
 * that spells one ("WHO Director-General X") is a name.
 */
export function isSentenceOpener(a: Analysis, k: number): boolean {
  return OPENING_WORDS.has(a.tokens[k].lower) && startsSentence(a, k) && !isLoneAcronym(a.tokens, k);
}

/**
 * Whether the word at `k` is an acronym written alone in capitals ("SAP", "WHO"), not a word of a line in capitals
 * ("WHEN MARS LIT UP") nor an abbreviation of a thing ("GDP").
 */
export function isLoneAcronym(tokens: Token[], k: number): boolean {
  const capitals = (t: Token | undefined) => !!t && t.text.length > 1 && ALL_CAPITALS.test(t.text);
  return (
    capitals(tokens[k]) && !isConceptAcronym(tokens[k].text) && !capitals(tokens[k - 1]) && !capitals(tokens[k + 1])
  );
}

/** Marks that may open a sentence before its first word: a quotation's ('"Voters have asked us ..."'). */
const OPENING_MARKS = new Set(['"', "\u201c", "'", "\u2018", "("]);

/**
 * Whether token `k` is the first word of its sentence (line breaks or an opening quote may come before it), or of the
 * story after a dateline ("NAIROBI, Jan 22 - Fossil footprints ...").
 */
export function startsSentence(a: Analysis, k: number): boolean {
  let first = a.sentences[a.tokens[k].sentence].from;
  while (first < k && (a.tokens[first].text.trim() === "" || OPENING_MARKS.has(a.tokens[first].text))) first++;
  return first === k || (k > first + 1 && datelineAt(a, first)?.dash === k - 1);
}

/** Fields of government that name an office before a role: "Defense Secretary", "Health Minister". */
const PORTFOLIOS = new Set([
  ...["defense", "defence", "justice", "interior", "energy", "education", "commerce", "treasury", "health"],
  ...["labor", "labour", "transport", "transportation", "agriculture", "finance", "trade", "environment", "home"],
  ...["culture", "economy", "housing", "immigration", "security", "war", "navy", "army", "foreign"],
]);

/** Whether `word` (lower case) is a field of government ("finance", "defence"). */
export function isPortfolioField(word: string): boolean {
  return PORTFOLIOS.has(word);
}

/** Whether the lone word at `k` names only an office before a role ("Defense" in "Defense Secretary X"). */
export function isPortfolio(tokens: Token[], k: number): boolean {
  return isPortfolioField(tokens[k].lower) || isCommonWord(tokens[k].lower);
}
