/**
 * Places in places: the words that chain a place to the region or state holding it (", Y", "in Y", "in the U.S.
 * state of Y") and the predicates that place an entity of each type.
 */
import type { Sentence } from "../nlp/types.ts";
import { demonymAt } from "./states.ts";
import { mentionStarting, type View } from "./view.ts";

const PLACE_OWNERS = new Set(["country", "location"]);
const VENUE_NOUNS = new Set(["stadium", "airport", "arena", "port", "city", "town", "village", "region", "province"]);
const DIRECTIONS = new Set(["northern", "southern", "eastern", "western", "central", "north", "south", "east", "west"]);

/** Head nouns of places: "X is a town in Y" puts X in Y. */
export const PLACE_NOUNS = new Set(
  (
    "town city village municipality commune county district region province state capital suburb neighbourhood " +
    "neighborhood borough hamlet parish settlement community locality area island river lake mountain peninsula " +
    "prefecture township department canton oblast raion voivodeship gmina census-designated place port comune " +
    "frazione commune"
  ).split(" "),
);

/**
 * Predicates placing an entity of the subject's type in a place: the state first, a continent ("the Ellsworth
 * Mountains in Antarctica"), else the region or venue.
 */
export function placePredicates(v: View, placed: number, place: number): string[] {
  if (v.clusters[place].entry?.subtype === "continent") return ["on_continent", "located_in"];
  return v.clusters[placed].type === "event" ? ["in_country", "takes_place_in"] : ["in_country", "located_in"];
}

/** The place the chain continues with at token `j` (", Y" or "in [the ... of] Y"), or null. */
export function nextPlace(v: View, s: Sentence, j: number, listBefore: boolean): { entity: number; to: number } | null {
  const t = v.tokens;
  let n = j;
  // "Kristiania (now Oslo), Norway"
  if (t[n]?.lower === "(") while (n < s.to && t[n].lower !== ")") n++;
  if (t[n]?.lower === ")") j = ++n;
  if (t[n]?.lower === ",") {
    // "A, B, C": a list unless "in" says the next place holds this one ("Sacramento, California, in the US").
    if (listBefore && t[n + 1]?.lower !== "in" && t[n + 1]?.lower !== "within") return null;
    n++;
    // "Black Sea, the Red Sea": an apposition or a list, not a region.
    if (t[n]?.lower === "the") return null;
    if (t[n]?.lower === "in" || t[n]?.lower === "within") n++;
  } else {
    if (VENUE_NOUNS.has(t[n]?.lower ?? "")) n++;
    if (t[n]?.lower !== "in") return null;
    n++;
  }
  if (t[n]?.lower === "the") n++;
  while (DIRECTIONS.has(t[n]?.text ?? "")) n++;
  const place = describedAt(v, s, n) ?? mentionStarting(v, n);
  if (!place || n >= s.to || !PLACE_OWNERS.has(v.clusters[place.entity].type)) return null;
  // "Lyon, Kansas and Ohio": a list, not a region.
  const after = t[place.to]?.lower;
  if (t[j]?.lower === "," && (after === "and" || after === "or")) return null;
  if (t[j]?.lower === "," && after === "," && mentionStarting(v, place.to + 1) && t[place.to + 2]?.lower === "and")
    return null;
  return { entity: place.entity, to: place.to };
}

/** "the U.S. state of Oregon" / "the Canadian province of Alberta" at `k`: Oregon, with the token after it. */
export function describedAt(v: View, s: Sentence, k: number): { entity: number; to: number } | null {
  const t = v.tokens;
  let n = k;
  if (mentionStarting(v, n) || demonymAt(v, n)) n = mentionStarting(v, n)?.to ?? n + 1;
  while (n < s.to && !PLACE_NOUNS.has(t[n].lower) && n < k + 3 && t[n].pos === "ADJ") n++;
  if (!PLACE_NOUNS.has(t[n]?.lower ?? "") || t[n + 1]?.lower !== "of") return null;
  const m = mentionStarting(v, n + 2);
  return m ? { entity: m.entity, to: m.to } : null;
}
