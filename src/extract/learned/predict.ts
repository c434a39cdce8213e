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
import { propertyTable } from "./properties.ts";
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
  const masks = new Map<string, Uint8Array>();
  const maskOf = (s: string, t: string) => {
    const key = `${s}>${t}`;
    let mask = masks.get(key);
    if (!mask) masks.set(key, (mask = Uint8Array.from(model.classes, (c) => (table.admits(c, s, t) ? 1 : 0))));
    return mask;
  };
  const lowest = Math.min(...model.classes.map((_, c) => Math.max(threshold, model.floors[c])));
  const associating = model.related >= 0 && model.associationThreshold <= 1;
  const buffer = new Float64Array(model.classes.length);
  const scored: Scored[] = [];
  for (const h of entities)
    for (const t of entities) {
      if (h === t) continue;
      const allowed = maskOf(v.clusters[h.cluster].type, v.clusters[t.cluster].type);
      if (!associating && !allowed.includes(1)) continue;
      const closest = closestMentions(h, t);
      if (closest.sentences > maxSentenceGap) continue;
      scorePair(model, featureIdsOf(model, pairFeatures(v, h, t, closest, verdicts, cache)), buffer);
      const typed = buffer.some((x, c) => x >= lowest && allowed[c] === 1);
      if (!typed && !(associating && buffer[model.related] >= model.associationThreshold)) continue;
      scored.push({ subject: h.cluster, probabilities: buffer.slice(), allowed, h, t, closest });
    }
  return scored;
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
