/**
 * Learned relations: every ordered pair of the document's entities scored by the pair model; a pair whose
 * probability for a Wikidata property reaches the threshold gets the ontology predicate mapped to that property.
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
import { selectRelations, type ScoredPair } from "./select.ts";
import { featureIdsOf, scorePair, type PairModel } from "./model.ts";

/** Tunables of the learned stage. */
export interface LearnedOptions {
  /** Overrides the model's own threshold (the probability a pair needs for a property). */
  threshold: number | null;
  /** Pairs named more sentences apart than this are not scored. */
  maxSentenceGap: number;
}

/** Defaults: the model's threshold, pairs up to any distance an introduction or short article has. */
export const DEFAULT_LEARNED_OPTIONS: LearnedOptions = { threshold: null, maxSentenceGap: 12 };

/** The relations the model adds to the rules' (a triple the rules already state is not repeated). */
export function learnedRelations(
  v: View,
  rules: ExtractedRelation[],
  model: PairModel,
  options: Partial<LearnedOptions> = {},
): ExtractedRelation[] {
  const o = { ...DEFAULT_LEARNED_OPTIONS, ...options };
  const threshold = o.threshold ?? model.threshold;
  const table = propertyTable(v.ctx.predicates);
  const stated = new Set(rules.map((r) => `${r.source}\u0000${r.predicate}\u0000${r.target}`));
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
  const scored: (ScoredPair & { h: PairEntity; t: PairEntity; closest: Closest })[] = [];
  const buffer = new Float64Array(model.classes.length);
  for (const h of entities)
    for (const t of entities) {
      if (h === t) continue;
      const allowed = maskOf(v.clusters[h.cluster].type, v.clusters[t.cluster].type);
      if (!allowed.includes(1)) continue;
      const closest = closestMentions(h, t);
      if (closest.sentences > o.maxSentenceGap) continue;
      scorePair(model, featureIdsOf(model, pairFeatures(v, h, t, closest, verdicts, cache)), buffer);
      if (!buffer.some((x, c) => x >= lowest && allowed[c] === 1)) continue;
      scored.push({ subject: h.cluster, probabilities: buffer.slice(), allowed, h, t, closest });
    }
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

/** The sentences from the earlier to the later of the two closest mentions, verbatim. */
function evidence(v: View, c: Closest): ExtractedRelation["evidence"] {
  const first = v.a.sentences[Math.min(c.h.sentence, c.t.sentence)];
  const last = v.a.sentences[Math.max(c.h.sentence, c.t.sentence)];
  return { quote: v.a.text.slice(first.start, last.end), start: first.start, end: last.end };
}
