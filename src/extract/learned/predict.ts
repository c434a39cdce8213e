/**
 * Learned relations: every ordered pair of the document's entities scored by the pair model; a pair whose
 * probability for a Wikidata property reaches the threshold gets the ontology predicate mapped to that property, and
 * a pair the model finds related that nothing links yet gets an open "associated with" relation.
 */
import type { ExtractedRelation } from "../types.ts";
import type { View } from "../relations/view.ts";
import {
  closestMentions,
  pairEntities,
  pairFeatures,
  ruleVerdicts,
  type ContextCache,
  type Closest,
  type PairEntity,
} from "./features.ts";
import { propertyTable, type PropertyTable } from "./properties.ts";
import { selectAssociations, selectRelations, type ScoredPair } from "./select.ts";
import { unorderedPairKey } from "../../util/pairKey.ts";
import { featureIdsOf, scorePair, type PairModel } from "./model.ts";

/** Tunables of the learned stage. */
export interface LearnedOptions {
  /** Overrides the model's own threshold (the probability a pair needs for a property). */
  threshold: number | null;
  /** Pairs named more sentences apart than this are not scored. */
  maxSentenceGap: number;
  /** The label of a learned association (an open relation: the document relates the two, not saying how). */
  associationLabel: string;
  /** An association's confidence is its relatedness times this: below the rules' open relations, which quote a verb. */
  associationFactor: number;
}

/** Defaults: the model's threshold, pairs up to any distance an introduction or short article has. */
export const DEFAULT_LEARNED_OPTIONS: LearnedOptions = {
  threshold: null,
  maxSentenceGap: 12,
  associationLabel: "associated with",
  associationFactor: 0.5,
};

/** A scored ordered pair of the document. */
interface Scored extends ScoredPair {
  h: PairEntity;
  t: PairEntity;
  closest: Closest;
}

/**
 * The rules' relations, then the typed relations the model adds (a triple the rules already state is not repeated),
 * then associations of related pairs nothing links.
 */
export function withLearnedRelations(
  v: View,
  rules: ExtractedRelation[],
  model: PairModel,
  options: Partial<LearnedOptions> = {},
): ExtractedRelation[] {
  const o = { ...DEFAULT_LEARNED_OPTIONS, ...options };
  const threshold = o.threshold ?? model.threshold;
  const scored = scorePairs(v, rules, model, threshold, o.maxSentenceGap);
  const out = [...rules, ...typedRelations(v, rules, model, scored, threshold)];
  if (model.related >= 0) out.push(...associations(v, out, model, scored, o));
  return out;
}

/**
 * The ordered pairs of linkable entities within the sentence gap that may become a relation: a property they are
 * admitted for reaches the lowest bar, or their relatedness reaches the association threshold. Others are dropped as
 * they are scored, so that selection reads a short list.
 */
function scorePairs(
  v: View,
  rules: ExtractedRelation[],
  model: PairModel,
  threshold: number,
  maxSentenceGap: number,
): Scored[] {
  const table = propertyTable(v.ctx.predicates);
  const verdicts = ruleVerdicts(v, rules);
  const cache: ContextCache = new Map();
  const entities = pairEntities(v);
  // Masks by type pair, indexed by numbers: building a string key per ordered pair cost more than the mask.
  const typeNames: string[] = [];
  const typeOf = entities.map((e) => {
    const type = v.clusters[e.cluster].type;
    const i = typeNames.indexOf(type);
    return i >= 0 ? i : typeNames.push(type) - 1;
  });
  const masks: (TypeMask | undefined)[] = [];
  const maskOf = (s: number, t: number): TypeMask => {
    const key = s * typeNames.length + t;
    return (masks[key] ??= typeMask(model, table, typeNames[s], typeNames[t]));
  };
  const lowest = Math.min(...model.classes.map((_, c) => Math.max(threshold, model.floors[c])));
  const associating = model.related >= 0 && model.associationThreshold <= 1;
  const buffer = new Float64Array(model.classes.length);
  const scored: Scored[] = [];
  for (let i = 0; i < entities.length; i++)
    for (let j = 0; j < entities.length; j++) {
      if (i === j) continue;
      const h = entities[i];
      const t = entities[j];
      const { allowed, any, columns } = maskOf(typeOf[i], typeOf[j]);
      if (!associating && !any) continue;
      const closest = closestMentions(h, t);
      if (closest.sentences > maxSentenceGap) continue;
      scorePair(model, featureIdsOf(model, pairFeatures(v, h, t, closest, verdicts, cache)), buffer, columns);
      let typed = false;
      for (let c = 0; c < buffer.length && !typed; c++) typed = buffer[c] >= lowest && allowed[c] === 1;
      if (!typed && !(associating && buffer[model.related] >= model.associationThreshold)) continue;
      scored.push({ subject: h.cluster, probabilities: buffer.slice(), allowed, h, t, closest });
    }
  return scored;
}

/**
 * Per class, whether the ontology admits a type pair (1 or 0), and whether it admits any; the classes a pair of these
 * types is scored for (the admitted ones and relatedness: nothing reads the others).
 */
interface TypeMask {
  allowed: Uint8Array;
  any: boolean;
  columns: Int32Array;
}

/** Masks by ontology and model, kept across documents (read only: selection shares them between pairs). */
const typeMasks = new WeakMap<PropertyTable, WeakMap<PairModel, Map<string, TypeMask>>>();

function typeMask(model: PairModel, table: PropertyTable, s: string, t: string): TypeMask {
  let byModel = typeMasks.get(table);
  if (!byModel) typeMasks.set(table, (byModel = new WeakMap()));
  let masks = byModel.get(model);
  if (!masks) byModel.set(model, (masks = new Map()));
  const key = `${s}>${t}`;
  const hit = masks.get(key);
  if (hit) return hit;
  const allowed = new Uint8Array(model.classes.length);
  for (let c = 0; c < allowed.length; c++) allowed[c] = table.admits(model.classes[c], s, t) ? 1 : 0;
  const columns = Int32Array.from(model.classes.keys()).filter((c) => allowed[c] === 1 || c === model.related);
  const mask = { allowed, any: allowed.includes(1), columns };
  masks.set(key, mask);
  return mask;
}

/** The typed relations the model adds: selected (pair, property) decisions the rules do not already state. */
function typedRelations(
  v: View,
  rules: ExtractedRelation[],
  model: PairModel,
  scored: Scored[],
  threshold: number,
): ExtractedRelation[] {
  const table = propertyTable(v.ctx.predicates);
  const stated = new Set(rules.map((r) => `${r.source}\u0000${r.predicate}\u0000${r.target}`));
  const out: ExtractedRelation[] = [];
  for (const [i, c] of selectRelations(scored, model.singleValued, { threshold, floors: model.floors })) {
    const { h, t, closest, probabilities } = scored[i];
    const predicate = table.byProperty.get(model.classes[c])!;
    const source = v.clusters[h.cluster];
    const target = v.clusters[t.cluster];
    if (stated.has(`${source.id}\u0000${predicate}\u0000${target.id}`)) continue;
    out.push({
      source: source.id,
      target: target.id,
      predicate,
      kind: "typed",
      wikidata: model.classes[c],
      confidence: Math.round(probabilities[c] * 100) / 100,
      stance: "neutral",
      modality: "asserted",
      rule: "learned-pair",
      evidence: evidence(v, closest),
    });
  }
  return out;
}

/** Open relations for related pairs that no relation links yet, in the direction the model finds more related. */
function associations(
  v: View,
  linked: ExtractedRelation[],
  model: PairModel,
  scored: Scored[],
  o: LearnedOptions,
): ExtractedRelation[] {
  const taken = new Set(linked.map((r) => unorderedPairKey(r.source, r.target)));
  const chosen = selectAssociations(
    scored,
    (p) => unorderedPairKey(v.clusters[p.h.cluster].id, v.clusters[p.t.cluster].id),
    (p) => p.probabilities[model.related],
    model.associationThreshold,
    taken,
  );
  return chosen
    .map((i) => scored[i])
    .map((p) => ({
      source: v.clusters[p.h.cluster].id,
      target: v.clusters[p.t.cluster].id,
      predicate: "related_to",
      kind: "open",
      label: o.associationLabel,
      confidence: Math.round(p.probabilities[model.related] * o.associationFactor * 100) / 100,
      stance: "neutral",
      modality: "asserted",
      rule: "learned-association",
      evidence: evidence(v, p.closest),
    }));
}

/** The sentences from the earlier to the later of the two closest mentions, verbatim. */
function evidence(v: View, c: Closest): ExtractedRelation["evidence"] {
  const first = v.a.sentences[Math.min(c.h.sentence, c.t.sentence)];
  const last = v.a.sentences[Math.max(c.h.sentence, c.t.sentence)];
  return { quote: v.a.text.slice(first.start, last.end), start: first.start, end: last.end };
}
