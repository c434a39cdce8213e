/**
 * Origins set beside a name: "X, a lawyer from Rijeka," / "X, 38, a director from Oaxaca," — the place a person
 * comes from, a citizenship when the place is a state.
 */
import type { Sentence } from "../nlp/types.ts";
import { placeLookup } from "../geo/places.ts";
import { afterAge, DETERMINERS, mentionStarting, type Candidate, type View } from "./view.ts";

/** Tunables of origin rules. */
export interface OriginOptions {
  confidence: number;
  /** Most words of the description between the article and "from" ("a non-professional actress"). */
  maxDescription: number;
}

/** Defaults. */
export const DEFAULT_ORIGIN_OPTIONS: OriginOptions = { confidence: 0.7, maxDescription: 4 };

const DESCRIPTION_POS = new Set(["ADJ", "NOUN", "PROPN"]);

/** Origin relations of one sentence: the person before the comma, the place after "from". */
export function originRelations(v: View, s: Sentence, options: Partial<OriginOptions> = {}): Candidate[] {
  const o = { ...DEFAULT_ORIGIN_OPTIONS, ...options };
  const out: Candidate[] = [];
  for (let k = s.from; k < s.to; k++) {
    const person = mentionStarting(v, k);
    if (!person || v.clusters[person.entity].type !== "person" || v.tokens[person.to]?.lower !== ",") continue;
    let j = person.to + 1;
    // "Duarte, 23, a player from X": the age set beside the name comes first.
    j = afterAge(v, j);
    if (!DETERMINERS.has(v.tokens[j]?.lower ?? "")) continue;
    let n = j + 1;
    while (n < s.to && n - j - 1 < o.maxDescription && DESCRIPTION_POS.has(v.tokens[n].pos) && !v.mentionAt[n]) n++;
    if (n === j + 1 || v.tokens[n]?.lower !== "from") continue;
    const place = mentionStarting(v, n + 1);
    if (!place || !isPlace(v, place.entity, place.to - place.from)) continue;
    out.push({
      source: person.entity,
      target: place.entity,
      predicates: ["citizen_of"],
      label: "is from",
      rule: "apposition-origin",
      confidence: o.confidence,
      from: person.from,
      to: place.to,
    });
  }
  return out;
}

/** A state or place, or a one-word name the place index knows that nothing typed better ("from Rijeka"). */
function isPlace(v: View, entity: number, words: number): boolean {
  const c = v.clusters[entity];
  if (c.type === "country" || c.type === "location") return true;
  return c.type === "organization" && words === 1 && !c.entry && placeLookup().within(c.label).length > 0;
}
