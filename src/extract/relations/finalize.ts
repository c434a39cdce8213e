/**
 * Relation finalisation: picks the predicate whose domain and range fit (in the predicate's direction), keeps a
 * clause no predicate fits as an open relation, reads modality, quotes the evidence verbatim and keeps the strongest
 * reading of each (source, predicate, target).
 */
import type { PredicateDefinition } from "../../model/schemas.ts";
import type { Analysis } from "../nlp/types.ts";
import type { ExtractedRelation } from "../types.ts";
import { readModality } from "./modality.ts";
import type { Candidate, View } from "./view.ts";
import { unorderedPairKey } from "../../util/pairKey.ts";

/** Tunables of finalisation. */
export interface FinalizeOptions {
  /** Relations below this confidence are dropped. */
  minConfidence: number;
  /** Ceiling of an open relation's confidence (the verb says the two are linked, not how). */
  openCeiling: number;
  /** Factor applied to a clause's confidence when it becomes an open relation. */
  openFactor: number;
  /**
   * Open relations below this confidence are left to co-occurrence. Measured on the Re-DocRED train split (share of
   * open relations joining a pair that has a gold relation): copulas ("X is a tributary of Y") 0.68, passives 0.43,
   * active clauses 0.39, clauses read through a pronoun lower; with the default factor they score 0.48, 0.46, 0.43
   * and below 0.4. Re-DocRED annotates Wikidata properties only, so most of the rest are true statements it leaves
   * out ("moved to Los Angeles"); the default keeps every clause reading and leaves pronoun readings below 0.3 out.
   */
  minOpenConfidence: number;
}

/** Defaults: open relations at most 0.5, every clause reading kept as an open relation rather than co-occurrence. */
export const DEFAULT_FINALIZE_OPTIONS: FinalizeOptions = {
  minConfidence: 0.2,
  openCeiling: 0.5,
  openFactor: 0.57,
  minOpenConfidence: 0.3,
};

const OPEN_PREDICATE = "related_to";
/** "was founded by", "is owned by": the predicate names the patient first and the agent second. */
const AGENT_LAST = /\sby$/;

/**
 * Turns candidates into relations; candidates no predicate fits and without a verb phrase, and negated non-polar
 * facts, are dropped. An open relation is dropped when a typed one links the same two entities.
 */
export function finalizeRelations(
  v: View,
  candidates: Candidate[],
  options: Partial<FinalizeOptions> = {},
): ExtractedRelation[] {
  const o = { ...DEFAULT_FINALIZE_OPTIONS, ...options };
  const best = new Map<string, ExtractedRelation>();
  const typedPairs = new Set<string>();
  for (const c of candidates) {
    const r = toRelation(v, c, o);
    if (!r || r.confidence < (r.kind === "open" ? o.minOpenConfidence : o.minConfidence)) continue;
    const key = `${r.source}\u0000${r.predicate}\u0000${r.target}`;
    const existing = best.get(key);
    if (!existing || r.confidence > existing.confidence) best.set(key, r);
    if (r.kind === "typed") typedPairs.add(unorderedPairKey(r.source, r.target));
  }
  return [...best.values()].filter((r) => r.kind === "typed" || !typedPairs.has(unorderedPairKey(r.source, r.target)));
}

/** Whether `def` names the patient first ("was founded by"), so that an agent-first candidate swaps its ends. */
export function isAgentLast(def: PredicateDefinition): boolean {
  return AGENT_LAST.test(def.label);
}

function toRelation(v: View, c: Candidate, o: FinalizeOptions): ExtractedRelation | null {
  if (c.source === c.target) return null;
  const picked = pick(v, c);
  if (!picked && !c.label) return null;
  const predicate = picked?.predicate ?? OPEN_PREDICATE;
  const ends = picked ? [picked.source, picked.target] : c.openReversed ? [c.target, c.source] : [c.source, c.target];
  const [source, target] = [v.clusters[ends[0]], v.clusters[ends[1]]];
  const s = v.a.sentences[v.tokens[c.from].sentence];
  const reading = readModality(v.tokens, s, c.from, c.to, predicate, c.verb);
  // A denied fact without a polarity ("did not annex") cannot be stored as a stance: it is left out, not inverted.
  if (reading.negated && reading.stance === "neutral") return null;
  const confidence = picked
    ? c.confidence * reading.factor
    : Math.min(o.openCeiling, c.confidence * reading.factor * o.openFactor);
  const relation: ExtractedRelation = {
    source: source.id,
    target: target.id,
    predicate,
    kind: picked ? "typed" : "open",
    confidence: round(confidence),
    stance: reading.stance,
    modality: reading.modality,
    rule: c.rule,
    evidence: quote(v.a, c.from, c.to),
  };
  const wikidata = picked ? v.ctx.predicates[predicate].wikidata : undefined;
  if (wikidata) relation.wikidata = wikidata;
  if (!picked) relation.label = c.label;
  if (reading.negated) relation.negated = true;
  if (c.role) relation.qualifiers = { role: c.role };
  return relation;
}

/** The first predicate of the candidate whose domain and range fit, with the ends in the predicate's direction. */
function pick(v: View, c: Candidate): { predicate: string; source: number; target: number } | null {
  for (const predicate of c.predicates) {
    const def = v.ctx.predicates[predicate];
    if (!def) continue;
    const [source, target] = c.agentFirst && isAgentLast(def) ? [c.target, c.source] : [c.source, c.target];
    if (def.domain.includes(v.clusters[source].type) && def.range.includes(v.clusters[target].type))
      return { predicate, source, target };
  }
  return null;
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
