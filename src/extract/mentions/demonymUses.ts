/**
 * Demonyms that name no state: a language ("known in French as", "recorded in Irish and English", "translated from
 * Spanish") or a currency ("500,000 Swiss francs"). The state such a word would bring in is not in the text.
 */
import { startsUpper } from "../nlp/letters.ts";
import type { Token } from "../nlp/types.ts";

/** Words before a language's name. */
const LANGUAGE_CUES = new Set(["in", "into", "from"]);
/** Verbs whose object is a language ("spoke Spanish"). */
const SPEAKING = new Set(["speak", "teach", "learn", "translate"]);
/** Currency nouns after a demonym, singular and plural. */
const CURRENCIES = new Set(
  [
    ...["franc", "dollar", "pound", "peso", "rupee", "dinar", "riyal", "dirham", "shilling", "ruble", "rouble"],
    ...["krona", "krone", "crown", "real", "rand", "lira", "yen", "yuan", "won", "zloty", "forint", "leu", "baht"],
  ].flatMap((w) => [w, `${w}s`, ...(w === "krona" ? ["kronor"] : w === "krone" ? ["kroner"] : [])]),
);
/** Parts of speech of a word a nationality adjective qualifies ("in French politics", "in Spanish football"). */
const QUALIFIED = new Set(["NOUN", "PROPN", "ADJ", "NUM"]);

/** Whether the demonym at tokens `[i, end)` is a language or currency name rather than a state's adjective. */
export function namesNoState(tokens: Token[], i: number, end: number): boolean {
  const next = tokens[end];
  if (next && CURRENCIES.has(next.lower)) return true;
  if (next && QUALIFIED.has(next.pos)) return false;
  // "in Irish and English": the second language shares the first one's preposition.
  let before = i - 1;
  if (
    (tokens[before]?.lower === "and" || tokens[before]?.lower === "or") &&
    startsUpper(tokens[before - 1]?.text ?? "")
  )
    before -= 2;
  const cue = tokens[before];
  return !!cue && (LANGUAGE_CUES.has(cue.lower) || SPEAKING.has(cue.lemma));
}
