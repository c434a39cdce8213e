/**
 * Capitals: whether a capital's name stands for the city ("officials in Berlin", "the liberation of Paris") or, by
 * metonymy, for its state's government ("Kyiv submitted a proposal").
 */
import type { Mention } from "../mentions/types.ts";
import type { Analysis } from "../nlp/types.ts";
import { startsUpper } from "../nlp/letters.ts";

/** Prepositions after which a capital is a place ("officials in Berlin"), not its government acting. */
const LOCATIVE = new Set([
  "in",
  "at",
  "near",
  "from",
  "to",
  "into",
  "outside",
  "across",
  "around",
  "toward",
  "towards",
  "within",
  "via",
]);
/** Nouns that describe a capital as a city: "Oslo, the capital of Norway". */
const CITY_NOUNS = new Set(["capital", "city", "town", "seat", "port", "metropolis"]);

/** What a city has and a state's government does not: "Bogotá's mayor", "Kyiv's metro", "London's streets". */
const CITY_OWNED = new Set([
  ...["mayor", "deputy", "council", "councillors", "police", "residents", "metro", "subway", "tram", "streets"],
  ...["suburbs", "outskirts", "centre", "center", "downtown", "districts", "neighbourhoods", "neighborhoods"],
]);

/** How many names a list may hold before the preposition that makes them all places ("in A, B, C and D"). */
const MAX_CONJUNCTS = 6;

/**
 * Whether the name at token `from` follows a locative preposition, directly ("in Berlin") or through a
 * coordination ("in Washington and Brussels").
 */
export function isLocative(a: Analysis, from: number): boolean {
  let k = from - 1;
  for (let hops = 0; hops < MAX_CONJUNCTS && k >= 0; hops++) {
    const t = a.tokens[k];
    if (LOCATIVE.has(t.lower)) return true;
    if (t.lower !== "and" && t.lower !== "or" && t.lower !== ",") return false;
    // Skip back over the previous conjunct (a capitalised name of up to four words).
    k--;
    if (a.tokens[k]?.lower === ",") k--;
    let words = 0;
    while (k >= 0 && startsUpper(a.tokens[k].text) && words < 4) {
      k--;
      words++;
    }
    if (words === 0) return false;
  }
  return false;
}

/**
 * Whether a capital is named as the city it is, not its government: "the liberation of Paris", "his London years",
 * "London's St Martin's College", "Bogotá's mayor", "the Institute for Advanced Study, Berlin", "Oslo, the capital of
 * Norway".
 */
export function isPlaceUse(a: Analysis, m: Mention): boolean {
  const prev = a.tokens[m.from - 1];
  const next = a.tokens[m.to];
  if (prev?.lower === "of" && a.tokens[m.from - 2]?.pos !== "VERB") return true;
  // "19th-century Paris", "modern Berlin": a city described by an adjective.
  if ((prev?.pos === "ADJ" || /-century$/.test(prev?.lower ?? "")) && !startsUpper(prev.text)) return true;
  // "Its current capital is Juba": what a capital is named as is the city.
  if (/^(?:is|was)$/.test(prev?.lower ?? "") && cityNounAt(a, m.from - 3)) return true;
  if (next?.pos === "NOUN" && !startsUpper(next.text)) return true;
  // "the Rome daily La Repubblica": after "the", a capital before a lower-case word modifies it ("daily" reads as an
  // adjective).
  if (prev?.lower === "the" && next?.pos === "ADJ" && !startsUpper(next.text)) return true;
  if (next?.pos === "PART" && startsUpper(a.tokens[m.to + 1]?.text ?? "")) return true;
  if (next?.pos === "PART" && CITY_OWNED.has(a.tokens[m.to + 1]?.lower ?? "")) return true;
  const address = prev?.lower === "," && startsUpper(a.tokens[m.from - 2]?.text ?? "");
  if (address && a.tokens[m.from - 2].pos !== "PUNCT" && next?.pos !== "PART") return true;
  // "Havana, Cuba", "Oslo, the capital of Norway", "Belmopan is the capital city of Belize".
  const after = a.tokens[m.to + 1];
  if (next?.lower === "," && after && startsUpper(after.text) && after.pos === "PROPN") return true;
  if (next?.lower === "," && after?.lower === "the" && CITY_NOUNS.has(a.tokens[m.to + 2]?.lower ?? "")) return true;
  return /^(?:is|was)$/.test(next?.lower ?? "") && /^(?:the|a)$/.test(after?.lower ?? "") && cityNounAt(a, m.to + 2);
}

/** Whether a city noun comes within two words of token `k` ("the capital", "the largest city"). */
function cityNounAt(a: Analysis, k: number): boolean {
  return CITY_NOUNS.has(a.tokens[k]?.lower ?? "") || CITY_NOUNS.has(a.tokens[k + 1]?.lower ?? "");
}
