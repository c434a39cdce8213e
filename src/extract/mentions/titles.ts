/**
 * Titles before names: honorifics ("Mr", "Dame") and ranks of the military, nobility and clergy ("General Lasalle",
 * "Princess Helen"), which say the name after them is a person's and are not part of it.
 */
import type { Token } from "../nlp/types.ts";
import { isEventHead, isModifierWord, isOrgHead } from "./typing.ts";

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
]);

/**
 * Whether token `k` is a rank before a person's name (up to `to`): a capitalised word that another name word follows
 * and that does not start the name of a firm or body ("General Motors", "General Assembly", "Prince of Wales").
 */
export function isRankBefore(tokens: Token[], k: number, to: number): boolean {
  if (!RANKS.has(tokens[k].lower) || k + 1 >= to || !/^\p{Lu}/u.test(tokens[k + 1].text)) return false;
  for (let j = k + 1; j < to; j++) if (isOrgHead(tokens[j].lower) || isEventHead(tokens[j].lower)) return false;
  return !isModifierWord(tokens[k + 1].lower);
}

/** Whether token `k` is an honorific ("Mr", "Dr.", "Dame"). */
export function isHonorific(tokens: Token[], k: number): boolean {
  return HONORIFICS.has(tokens[k].lower);
}
