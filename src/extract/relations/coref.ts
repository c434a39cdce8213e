/**
 * Light coreference: "its", "their" and definite descriptions ("the company", "the club", "the city") point to the
 * most recent compatible entity in the same or the previous sentence.
 */
import type { EntityType } from "../../model/types.ts";
import type { Mention } from "../mentions/types.ts";
import type { View } from "./view.ts";

const ORG: EntityType[] = ["organization"];
const PLACE: EntityType[] = ["location", "country"];
const STATE: EntityType[] = ["country"];

/** Head nouns of definite descriptions and the entity types they can refer to. */
const DESCRIPTIONS = new Map<string, EntityType[]>([
  ...["company", "firm", "group", "bank", "lender", "insurer", "club", "team", "side", "association"].map(
    (w) => [w, ORG] as [string, EntityType[]],
  ),
  ...["carrier", "airline", "maker", "manufacturer", "automaker", "carmaker", "retailer", "startup", "regulator"].map(
    (w) => [w, ORG] as [string, EntityType[]],
  ),
  ...["agency", "party", "federation", "union", "network", "broadcaster", "publisher", "newspaper"].map(
    (w) => [w, ORG] as [string, EntityType[]],
  ),
  ...["city", "town", "region", "province", "capital", "village"].map((w) => [w, PLACE] as [string, EntityType[]]),
  ...["country", "nation", "state", "kingdom", "republic"].map((w) => [w, STATE] as [string, EntityType[]]),
]);

/** Possessive pronouns that can stand for an organisation or place, and what they can refer to. */
const PRONOUNS = new Map<string, EntityType[]>([
  ["its", ["organization", "country", "location"]],
  ["their", ["organization", "country"]],
]);

/** The types the word at `k` can refer to when it is "its"/"their", or null. */
export function pronounAt(v: View, k: number): EntityType[] | null {
  return PRONOUNS.get(v.tokens[k]?.lower ?? "") ?? null;
}

/**
 * The types a definite description "the NOUN" starting at token `k` refers to, with the token after it, or null.
 * Only "the" followed directly by a known head noun counts ("the company", not "the company's rival firm").
 */
export function descriptionAt(v: View, k: number): { types: EntityType[]; to: number } | null {
  if (v.tokens[k]?.lower !== "the") return null;
  const types = DESCRIPTIONS.get(v.tokens[k + 1]?.lower ?? "");
  return types ? { types, to: k + 2 } : null;
}

/**
 * The mention before token `k`, in its sentence or the previous one, whose entity has one of `types`: the entity
 * mentioned most often in the text so far (the topic: "Real Madrid ... beat Dortmund ... the club's president" is
 * Real Madrid's), the most recent one on a tie. `exclude` is an entity that cannot be its own antecedent (the
 * person of "X, its chief executive").
 */
export function antecedent(v: View, k: number, types: EntityType[], exclude = -1): Mention | null {
  const sentence = v.tokens[k]?.sentence ?? 0;
  const first = v.a.sentences[Math.max(0, sentence - 1)].from;
  let best: Mention | null = null;
  let bestCount = 0;
  for (let j = k - 1; j >= first; j--) {
    const m = v.mentionAt[j];
    if (!m) continue;
    j = m.from;
    if (m.entity === exclude || !types.includes(v.clusters[m.entity].type)) continue;
    const count = v.clusters[m.entity].mentions.filter((x) => x.from < k).length;
    if (count > bestCount) {
      best = m;
      bestCount = count;
    }
  }
  return best;
}
