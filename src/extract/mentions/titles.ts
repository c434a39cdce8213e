/**
 * Titles before names: honorifics ("Mr", "Dame") and ranks of the military, nobility and clergy ("General Lasalle",
 * "Princess Helen"), which say the name after them is a person's and are not part of it.
 */
import type { Token } from "../nlp/types.ts";
import { isEventHead, isModifierWord, isOrgHead } from "./typing.ts";
import { startsUpper } from "../nlp/letters.ts";

/** Honorifics that always stand before a person's name. */
const HONORIFICS = new Set(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady"]);

/** Ranks and titles of nobility, the military, the clergy and some offices: "General Lasalle", "Judge X". */
const RANKS = new Set([
  ...["general", "admiral", "colonel", "lieutenant", "sergeant", "corporal", "marshal", "brigadier", "commodore"],
  ...["rear", "prince", "princess", "emperor", "empress", "pharaoh", "sultan", "tsar", "czar", "archbishop"],
  ...["bishop", "cardinal", "pope", "rabbi", "imam", "reverend", "baron", "baroness", "count", "countess"],
  ...["viscount", "duke", "duchess", "earl", "professor", "prof.", "doctor", "petty", "officer", "agent"],
  // Offices of the courts, legislatures and police that stand before a name: "Judge Helen Marsh", "Senator X".
  ...["judge", "justice", "senator", "sen.", "congressman", "congresswoman", "detective", "inspector", "sheriff"],
  // Before a list of names: "Justices Rose Atuhaire, Samuel Okello and Diana Nabirye agreed".
  ...["judges", "justices", "senators", "generals", "professors", "drs."],
  ...["vice", "commander", "superintendent", "constable", "commissioner", "magistrate", "prosecutor", "coroner"],
  // Abbreviated ranks: "Lt. Gen. X", "Col. X", "Rep. X".
  ...["lt.", "gen.", "col.", "maj.", "capt.", "sgt.", "cpl.", "adm.", "cmdr.", "brig.", "gov.", "rep.", "supt."],
]);

/**
 * Occupations and titles that news writes before a full name ("Actor Pedro Alves", "the former Olympian Hiroshi
 * Takenaka", "Sheikh Mansour bin Zayed"): no part of the name, though "DJ Snake" or "Sheikh Hasina" may be one.
 */
const OCCUPATION_TITLES = new Set([
  ...["actor", "actress", "singer", "rapper", "dj", "olympian", "novelist", "poet", "playwright", "filmmaker"],
  ...["comedian", "chef", "painter", "photographer", "sculptor", "architect", "activist", "sprinter", "swimmer"],
  ...["cyclist", "boxer", "golfer", "skier", "presenter", "broadcaster", "musician", "pianist", "violinist"],
  ...["guitarist", "songwriter", "entrepreneur", "billionaire", "businessman", "businesswoman", "tycoon"],
  ...["philanthropist", "astronaut", "historian", "archaeologist", "physicist", "environmentalist", "journalist"],
  // Gulf titles, which are also part of some names ("Sheikh Hasina", "Emir Kusturica").
  ...["sheikh", "sheikha", "shaikh", "emir"],
]);
/** Name words an occupation title needs after it: "Olympian Mo Farah", not "DJ Snake". */
const MIN_WORDS_AFTER_OCCUPATION = 2;

/** Ranks that, after a qualifier, still open a title: "Vice Admiral X", "Mughal Emperor X", "Attorney General X". */
const QUALIFIED_RANKS = new Set([
  ...["admiral", "general", "colonel", "lieutenant", "marshal", "commander", "emperor", "empress", "pharaoh"],
  ...["sultan", "tsar", "czar", "pope", "senator", "judge"],
]);
/** Qualifiers before a rank are few words: "Holy Roman Emperor". */
const MAX_QUALIFIERS = 2;

/**
 * Whether token `k` is a rank before a person's name (up to `to`): a capitalised word that another name word follows
 * and that does not start the name of a firm or body ("General Motors", "General Assembly", "Prince of Wales").
 */
function isRankBefore(tokens: Token[], k: number, to: number): boolean {
  const occupation = OCCUPATION_TITLES.has(tokens[k].lower);
  if (!(RANKS.has(tokens[k].lower) || occupation) || k + 1 >= to || !startsUpper(tokens[k + 1].text)) return false;
  if (occupation && capitalizedWords(tokens, k + 1, to) < MIN_WORDS_AFTER_OCCUPATION) return false;
  for (let j = k + 1; j < to; j++) if (isOrgHead(tokens[j].lower) || isEventHead(tokens[j].lower)) return false;
  return !isModifierWord(tokens[k + 1].lower);
}

/** How many of the tokens `[from, to)` start with a capital. */
function capitalizedWords(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (startsUpper(tokens[k].text)) n++;
  return n;
}

/** Whether `word` (lower case) is a rank or office written before a name ("commissioner", "general", "judge"). */
export function isRank(word: string): boolean {
  return RANKS.has(word);
}

/** Nouns for a person of a nation, written before a name like a title: "the Swede Anders Lindqvist". */
const NATIONALS = new Set([
  ...["swede", "spaniard", "briton", "dane", "finn", "pole", "scot", "turk", "serb", "croat", "czech", "slovak"],
  ...["frenchman", "frenchwoman", "dutchman", "dutchwoman", "englishman", "irishman", "welshman", "scotsman"],
]);

/** Whether token `k` is an honorific ("Mr", "Dr.", "Dame"), or a national's noun before a name ("Swede"). */
function isHonorific(tokens: Token[], k: number): boolean {
  // Only after an article: "Finn Russell" and "Scot Pollard" are given names.
  if (NATIONALS.has(tokens[k].lower))
    return /^(?:the|a)$/.test(tokens[k - 1]?.lower ?? "") && startsUpper(tokens[k + 1]?.text ?? "");
  return HONORIFICS.has(tokens[k].lower);
}

/**
 * Where the name starts after a qualified rank ("Vice Admiral James Greer", "Mughal Emperor Shah Jahan"): the token
 * after the rank, or `from` when the run does not open with capitalised qualifiers and a rank.
 */
function rankAfterModifiers(tokens: Token[], from: number, to: number): number {
  for (let k = from + 1; k <= from + MAX_QUALIFIERS && k < to - 1; k++) {
    if (!startsUpper(tokens[k - 1].text)) return from;
    if (QUALIFIED_RANKS.has(tokens[k].lower) && isRankBefore(tokens, k, to)) return k + 1;
  }
  return from;
}

/**
 * The index after the title that opens `[from, to)` — an honorific ("Dr"), a rank ("General") or qualifiers and a rank
 * ("Vice Admiral") — or `from` when the run opens with none.
 */
export function afterTitle(tokens: Token[], from: number, to: number): number {
  if (isHonorific(tokens, from) || isRankBefore(tokens, from, to)) return from + 1;
  return rankAfterModifiers(tokens, from, to);
}
