/**
 * Place closure: a place the text puts in a region that the text puts in a state (or a larger region) is in it too
 * ("Prelate, Saskatchewan" ... "the Canadian province of Saskatchewan": Prelate is in Canada). The inferred
 * relation quotes the text from the first statement to the second, verbatim.
 */
import type { ExtractedRelation } from "../types.ts";
import type { View } from "./view.ts";

/** Tunables of the place closure. */
export interface ClosureOptions {
  /** Factor on the weaker of the two relations' confidences. */
  factor: number;
  /** Longest quote (characters) an inferred relation may carry. */
  maxQuote: number;
}

/** Defaults. */
export const DEFAULT_CLOSURE_OPTIONS: ClosureOptions = { factor: 0.85, maxQuote: 600 };

const INNER = new Set(["located_in", "in_country", "takes_place_in"]);

/**
 * `relations` plus in_country(A, C) for each located_in(A, B) and in_country(B, C) the text states, and
 * located_in(A, C) for each located_in(A, B) and located_in(B, C) (one step: the text states both).
 */
export function closePlaces(
  v: View,
  relations: ExtractedRelation[],
  options: Partial<ClosureOptions> = {},
): ExtractedRelation[] {
  const o = { ...DEFAULT_CLOSURE_OPTIONS, ...options };
  const outerOf = new Map<string, ExtractedRelation[]>();
  const have = new Set<string>();
  for (const r of relations) {
    if (r.kind !== "typed" || r.negated) continue;
    have.add(`${r.source}\u0000${r.target}`);
    if (r.predicate === "in_country" || r.predicate === "located_in")
      outerOf.set(r.source, [...(outerOf.get(r.source) ?? []), r]);
  }
  const types = new Map(v.clusters.map((c) => [c.id, c.type]));
  const out: ExtractedRelation[] = [];
  for (const r of relations) {
    if (r.kind !== "typed" || r.negated || !INNER.has(r.predicate) || types.get(r.target) !== "location") continue;
    for (const outer of outerOf.get(r.target) ?? []) {
      if (outer.target === r.source || have.has(`${r.source}\u0000${outer.target}`)) continue;
      const start = Math.min(r.evidence.start, outer.evidence.start);
      const end = Math.max(r.evidence.end, outer.evidence.end);
      if (end - start > o.maxQuote) continue;
      have.add(`${r.source}\u0000${outer.target}`);
      out.push({
        source: r.source,
        target: outer.target,
        predicate: outer.predicate,
        kind: "typed",
        wikidata: outer.wikidata,
        confidence: Math.round(Math.min(r.confidence, outer.confidence) * o.factor * 100) / 100,
        stance: "neutral",
        modality: "asserted",
        rule: "place-closure",
        evidence: { quote: v.a.text.slice(start, end), start, end },
      });
    }
  }
  return [...relations, ...out];
}
