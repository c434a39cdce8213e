/**
 * Relation finalisation: picks the predicate whose domain and range fit, reads modality, quotes the evidence
 * verbatim and keeps the strongest reading of each (source, predicate, target).
 */
import type { Analysis } from "../nlp/types.ts";
import type { ExtractedRelation } from "../types.ts";
import { readModality } from "./modality.ts";
import type { Candidate, View } from "./view.ts";

/** Turns candidates into relations; candidates no predicate fits, and negated non-polar facts, are dropped. */
export function finalizeRelations(v: View, candidates: Candidate[], minConfidence: number): ExtractedRelation[] {
  const best = new Map<string, ExtractedRelation>();
  for (const c of candidates) {
    const r = toRelation(v, c);
    if (!r || r.confidence < minConfidence) continue;
    const key = `${r.source}\u0000${r.predicate}\u0000${r.target}`;
    const existing = best.get(key);
    if (!existing || r.confidence > existing.confidence) best.set(key, r);
  }
  return [...best.values()];
}

function toRelation(v: View, c: Candidate): ExtractedRelation | null {
  const source = v.clusters[c.source];
  const target = v.clusters[c.target];
  if (c.source === c.target) return null;
  const predicate = c.predicates.find((p) => {
    const def = v.ctx.predicates[p];
    return def && def.domain.includes(source.type) && def.range.includes(target.type);
  });
  if (!predicate) return null;
  const s = v.a.sentences[v.tokens[c.from].sentence];
  const reading = readModality(v.tokens, s, c.from, c.to, predicate, c.verb);
  // A denied fact without a polarity ("did not annex") cannot be stored as a stance: it is left out, not inverted.
  if (reading.negated && reading.stance === "neutral") return null;
  const relation: ExtractedRelation = {
    source: source.id,
    target: target.id,
    predicate,
    kind: "typed",
    confidence: round(c.confidence * reading.factor),
    stance: reading.stance,
    modality: reading.modality,
    rule: c.rule,
    evidence: quote(v.a, c.from, c.to),
  };
  const wikidata = v.ctx.predicates[predicate].wikidata;
  if (wikidata) relation.wikidata = wikidata;
  if (reading.negated) relation.negated = true;
  if (c.role) relation.qualifiers = { role: c.role };
  return relation;
}

/** The verbatim text of tokens `[from, to)` with its offsets. */
export function quote(a: Analysis, from: number, to: number): { quote: string; start: number; end: number } {
  const start = a.tokens[from].start;
  const end = a.tokens[to - 1].end;
  return { quote: a.text.slice(start, end), start, end };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
