/**
 * Pair figures: the reference scorer's pair and triple counts for the rules plus the model at a given threshold,
 * computed in-process from scored pairs, so training can choose its threshold on documents it did not fit.
 */
import { pairKey, type DocumentPairs } from "./examples.ts";
import type { PairModel } from "./model.ts";
import { selectRelations } from "./select.ts";

/** A document's pairs with the model's probability for each class. */
export interface ScoredDocument {
  doc: DocumentPairs;
  /** Per pair, per class: probability. */
  probabilities: Float64Array[];
}

/** Pair precision and recall, triple precision, recall and F1, as the reference scorer defines them. */
export interface PairFigures {
  pairRecall: number;
  pairPrecision: number;
  tripleRecall: number;
  triplePrecision: number;
  tripleF1: number;
}

/** The figures of the rules plus every model relation at or above `threshold`. */
export function pairFigures(
  docs: ScoredDocument[],
  model: Pick<PairModel, "classes" | "singleValued">,
  threshold: number,
): PairFigures {
  let onGold = 0;
  let right = 0;
  let wdOnGold = 0;
  let wdRight = 0;
  let namedPairs = 0;
  let pairsFound = 0;
  let namedTriples = 0;
  let triplesFound = 0;
  for (const { doc, probabilities } of docs) {
    const relations: { gh: number; gt: number; wikidata?: string }[] = [...doc.rules];
    const scored = doc.pairs.map((p, i) => ({
      subject: p.h,
      probabilities: probabilities[i],
      allowed: (k: number) => p.allowed.has(model.classes[k]),
    }));
    for (const [i, k] of selectRelations(scored, model.singleValued, { threshold }))
      relations.push({ gh: doc.pairs[i].gh, gt: doc.pairs[i].gt, wikidata: model.classes[k] });
    const pairsHit = new Set<string>();
    const triplesHit = new Set<string>();
    for (const r of relations) {
      if (r.gh < 0 || r.gt < 0 || r.gh === r.gt) continue;
      const key = pairKey(r.gh, r.gt);
      onGold++;
      if (doc.goldPairs.has(key)) right++;
      if (doc.namedPairs.has(key)) pairsHit.add(key);
      if (!r.wikidata) continue;
      wdOnGold++;
      const triple = `${r.gh}|${r.wikidata}|${r.gt}`;
      if (doc.namedTriples.has(triple)) {
        wdRight++;
        triplesHit.add(triple);
      }
    }
    namedPairs += doc.namedPairs.size;
    pairsFound += pairsHit.size;
    namedTriples += doc.namedTriples.size;
    triplesFound += triplesHit.size;
  }
  const ratio = (a: number, b: number) => (b ? a / b : 0);
  const triplePrecision = ratio(wdRight, wdOnGold);
  const tripleRecall = ratio(triplesFound, namedTriples);
  return {
    pairRecall: ratio(pairsFound, namedPairs),
    pairPrecision: ratio(right, onGold),
    tripleRecall,
    triplePrecision,
    tripleF1: ratio(2 * triplePrecision * tripleRecall, triplePrecision + tripleRecall),
  };
}
