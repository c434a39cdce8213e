/**
 * Kinship through possessives: "his brother was Harry Alger", "Smith's wife, Jane Doe", "her son John". The owner
 * is a name with "'s" or a possessive pronoun resolved by coreference.
 */
import type { Sentence } from "../nlp/types.ts";
import { referentAt } from "./coref.ts";
import { KIN } from "./copula.ts";
import { isPossessive, mentionEnding, mentionStarting, type Candidate, type View } from "./view.ts";

/** Tunables of kinship rules. */
export interface KinshipOptions {
  confidence: number;
}

/** Defaults. */
export const DEFAULT_KINSHIP_OPTIONS: KinshipOptions = { confidence: 0.75 };

const MODIFIERS = new Set(["ADJ", "NUM"]);
const LINKS = new Set([",", "is", "was", "named"]);
const POSSESSIVE_PRONOUNS = new Set(["his", "her"]);

/** Kinship relations of one sentence. */
export function kinshipRelations(v: View, s: Sentence, options: Partial<KinshipOptions> = {}): Candidate[] {
  const o = { ...DEFAULT_KINSHIP_OPTIONS, ...options };
  const out: Candidate[] = [];
  for (let k = s.from + 1; k < s.to - 1; k++) {
    const kin = KIN.get(v.tokens[k].lower);
    if (!kin || v.mentionAt[k]) continue;
    const owner = ownerBefore(v, s, k);
    if (!owner) continue;
    let j = k + 1;
    if (LINKS.has(v.tokens[j].lower)) j++;
    const relative = mentionStarting(v, j);
    if (!relative || relative.entity === owner.entity || v.clusters[relative.entity].type !== "person") continue;
    const [source, target] = kin.reversed ? [owner.entity, relative.entity] : [relative.entity, owner.entity];
    out.push({
      source,
      target,
      predicates: [kin.predicate],
      rule: "kinship",
      confidence: o.confidence,
      from: owner.from,
      to: relative.to,
    });
  }
  return out;
}

/** "X's [eldest] son" / "his [younger] brother": the owner entity and where its words start. */
function ownerBefore(v: View, s: Sentence, k: number): { entity: number; from: number } | null {
  let j = k;
  while (j > s.from && MODIFIERS.has(v.tokens[j - 1].pos)) j--;
  if (j - 1 >= s.from && POSSESSIVE_PRONOUNS.has(v.tokens[j - 1].lower)) {
    const r = referentAt(v, j - 1);
    return r ? { entity: r.entity, from: j - 1 } : null;
  }
  if (!isPossessive(v, j - 1)) return null;
  const m = mentionEnding(v, j - 1);
  return m && v.clusters[m.entity].type === "person" ? { entity: m.entity, from: m.from } : null;
}
