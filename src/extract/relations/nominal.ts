/**
 * Nominal relations: possessives and modifiers between names ("the Examiner's Beltway Confidential blog",
 * "Britain's Competition and Markets Authority", "US Commerce Department") and places in places
 * ("the Santiago Bernabéu stadium in Madrid").
 */
import type { Sentence } from "../nlp/types.ts";
import { isPossessive, mentionStarting, type Candidate, type View } from "./view.ts";

const PART_OWNERS = new Set(["organization", "country"]);
const PLACE_OWNERS = new Set(["country", "location"]);
const PLACE_NOUNS = new Set(["stadium", "port", "city", "town", "village", "airport", "region", "province", "arena"]);

/** Possessive and locative relations of one sentence. */
export function nominalRelations(v: View, s: Sentence): Candidate[] {
  const out: Candidate[] = [];
  for (let k = s.from; k < s.to; k++) {
    const m = mentionStarting(v, k);
    if (!m) continue;
    const owner = v.clusters[m.entity];
    let j = m.to;
    const possessive = isPossessive(v, j);
    if (possessive) j++;
    const owned = mentionStarting(v, j);
    if (owned && (possessive || (owner.type === "country" && !owner.state))) {
      const type = v.clusters[owned.entity].type;
      if (type === "organization" && PART_OWNERS.has(owner.type))
        out.push({
          source: owned.entity,
          target: m.entity,
          predicates: ["part_of"],
          rule: "possessive",
          confidence: 0.7,
          from: m.from,
          to: owned.to,
        });
      if (type === "location" && PLACE_OWNERS.has(owner.type))
        out.push({
          source: owned.entity,
          target: m.entity,
          predicates: ["located_in"],
          rule: "possessive",
          confidence: 0.7,
          from: m.from,
          to: owned.to,
        });
    }
    if (owner.type === "location") locative(v, s, m.entity, m.from, m.to, out);
  }
  return out;
}

/** "X [stadium] in Y" or "X, Y" (not in a list) where X is a place and Y a place or state. */
function locative(v: View, s: Sentence, place: number, from: number, to: number, out: Candidate[]): void {
  let j = to;
  const listBefore = v.tokens[from - 1]?.lower === "," || v.tokens[from - 1]?.lower === "and";
  if (v.tokens[j]?.lower === "," && !listBefore) {
    const region = mentionStarting(v, j + 1);
    const next = region ? v.tokens[region.to]?.lower : undefined;
    const inList = next === "and" || next === "or" || (next === "," && !!region && !!mentionStarting(v, region.to + 1));
    if (region && !inList && PLACE_OWNERS.has(v.clusters[region.entity].type) && region.entity !== place) {
      out.push({
        source: place,
        target: region.entity,
        predicates: ["located_in"],
        rule: "locative",
        confidence: 0.6,
        from,
        to: region.to,
      });
      return;
    }
  }
  if (PLACE_NOUNS.has(v.tokens[j]?.lower ?? "")) j++;
  if (v.tokens[j]?.lower !== "in" || j + 1 >= s.to) return;
  const where = mentionStarting(v, j + 1);
  if (!where || !PLACE_OWNERS.has(v.clusters[where.entity].type)) return;
  out.push({
    source: place,
    target: where.entity,
    predicates: ["located_in"],
    rule: "locative",
    confidence: 0.65,
    from,
    to: where.to,
  });
}
