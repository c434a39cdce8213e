/**
 * Evaluation matching rules.
 * - Only entities of the scored types (person, organization, country, location) count; other extracted types
 *   (groups, events, dates, quantities...) are neither rewarded nor penalised.
 * - Names compare after normalisation (case, typographic quotes, a leading "the", a trailing possessive).
 * - An extracted entity matches a gold entity of the same type when any of its names (label or alias) equals any
 *   gold name (label or alias). Matching is one-to-one, in gold order; a second extracted entity for an already
 *   matched gold entity is a false positive (a missed merge).
 * - A typed relation matches a gold relation when its predicate is the same and its two ends matched the gold
 *   subject and object (either order for symmetric predicates). Repeated triples count once.
 * - A gold pair (two gold entities some gold relation links, either order) is connected when some typed or open
 *   relation links the two entities matched to them; a linked pair of gold entities no gold relation links is a
 *   wrong pair. Co-occurrence links count for neither.
 */
import type { Ontology } from "../../model/schemas.ts";
import type { EntityType } from "../../model/types.ts";
import { normalizeName } from "../lexicon/normalize.ts";
import type { Extraction } from "../types.ts";
import type { GoldDocument } from "./gold.ts";
import { unorderedPairKey } from "../../util/pairKey.ts";

/** Entity types the evaluation scores. */
export const SCORED_TYPES: ReadonlySet<EntityType> = new Set(["person", "organization", "country", "location"]);

/** Counts for one document. */
export interface DocumentCounts {
  entities: { tp: number; fp: number; fn: number };
  relations: { tp: number; fp: number; fn: number };
  /** Gold pairs connected by some typed or open relation (tp), missed (fn), and linked pairs outside the gold (fp). */
  pairs: { tp: number; fp: number; fn: number };
  /** Extracted entities and typed relations that matched nothing, and gold items nothing matched. */
  errors: string[];
}

/** Matches one document's extraction against its gold file. */
export function matchDocument(gold: GoldDocument, extraction: Extraction, ontology: Ontology): DocumentCounts {
  const errors: string[] = [];
  const goldNames = gold.entities.map((g) => new Set([g.label, ...g.aliases].map(normalizeName)));
  const goldOf = new Map<string, string>(); // extracted id -> gold label
  const matchedGold = new Set<number>();
  let fp = 0;
  for (const e of extraction.entities) {
    if (!SCORED_TYPES.has(e.type)) continue;
    const names = [e.label, ...e.aliases].map(normalizeName);
    const g = gold.entities.findIndex(
      (ge, i) => ge.type === e.type && !matchedGold.has(i) && names.some((n) => goldNames[i].has(n)),
    );
    if (g < 0) {
      fp++;
      errors.push(`entity FP: ${e.type} "${e.label}"`);
      continue;
    }
    matchedGold.add(g);
    goldOf.set(e.id, gold.entities[g].label);
  }
  gold.entities.forEach((g, i) => matchedGold.has(i) || errors.push(`entity FN: ${g.type} "${g.label}"`));
  const entities = { tp: matchedGold.size, fp, fn: gold.entities.length - matchedGold.size };
  return {
    entities,
    relations: matchRelations(gold, extraction, ontology, goldOf, errors),
    pairs: matchPairs(gold, extraction, goldOf, errors),
    errors,
  };
}

function matchPairs(
  gold: GoldDocument,
  extraction: Extraction,
  goldOf: Map<string, string>,
  errors: string[],
): DocumentCounts["pairs"] {
  const goldPairs = new Set(gold.relations.map((r) => unorderedPairKey(r.subject, r.object)));
  const linked = new Set<string>();
  for (const r of extraction.relations) {
    if (r.kind === "cooccurrence") continue;
    const s = goldOf.get(r.source);
    const o = goldOf.get(r.target);
    if (s && o && s !== o) linked.add(unorderedPairKey(s, o));
  }
  const tp = [...linked].filter((k) => goldPairs.has(k)).length;
  for (const r of gold.relations)
    if (!linked.has(unorderedPairKey(r.subject, r.object))) errors.push(`pair FN: ${r.subject} — ${r.object}`);
  return { tp, fp: linked.size - tp, fn: goldPairs.size - tp };
}

function matchRelations(
  gold: GoldDocument,
  extraction: Extraction,
  ontology: Ontology,
  goldOf: Map<string, string>,
  errors: string[],
): DocumentCounts["relations"] {
  const key = (s: string, p: string, o: string) => {
    const ends = ontology.predicates[p]?.symmetric ? [s, o].sort() : [s, o];
    return `${ends[0]} ${p} ${ends[1]}`;
  };
  const goldKeys = new Set(gold.relations.map((r) => key(r.subject, r.predicate, r.object)));
  const found = new Set<string>();
  const wrong = new Set<string>();
  for (const r of extraction.relations) {
    if (r.kind !== "typed") continue;
    const s = goldOf.get(r.source);
    const o = goldOf.get(r.target);
    const k = s && o ? key(s, r.predicate, o) : `${r.source} ${r.predicate} ${r.target}`;
    if (goldKeys.has(k)) found.add(k);
    else if (s && o)
      wrong.add(k); // both ends are scored gold entities: a wrong relation between them
    else if (scored(extraction, r.source) && scored(extraction, r.target)) wrong.add(k);
  }
  for (const k of wrong) errors.push(`relation FP: ${k}`);
  for (const k of goldKeys) if (!found.has(k)) errors.push(`relation FN: ${k}`);
  return { tp: found.size, fp: wrong.size, fn: goldKeys.size - found.size };
}

/** Relations between unscored entities (groups, events...) are outside the gold's scope and not counted. */
function scored(extraction: Extraction, id: string): boolean {
  const e = extraction.entities.find((x) => x.id === id);
  return !!e && SCORED_TYPES.has(e.type);
}
