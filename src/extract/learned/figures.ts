/**
 * Pair figures: the reference scorer's pair and triple counts for the rules plus the model at a given threshold,
 * computed in-process from scored pairs, so training can choose its threshold on documents it did not fit.
 */
import type { DocumentPairs } from "./examples.ts";
import { unorderedPairKey } from "../../util/pairKey.ts";
import type { PairModel } from "./model.ts";
import { selectAssociations, selectRelations, type ScoredPair } from "./select.ts";

/** A document's pairs, each with the model's probability and the ontology's admission for each class. */
export interface ScoredDocument {
  doc: DocumentPairs;
  /** In the order of `doc.pairs`. */
  scored: ScoredPair[];
}

/** Pair precision and recall, triple precision, recall and F1, as the reference scorer defines them. */
export interface PairFigures {
  pairRecall: number;
  pairPrecision: number;
  tripleRecall: number;
  triplePrecision: number;
  tripleF1: number;
}

/**
 * Per class, the lowest probability at which its relations between gold entities are right at least `precision` of
 * the time on `docs`; 1.01 (never) when enough of them are scored but none reaches it, 0 when too few to tell.
 */
export function classFloors(docs: ScoredDocument[], classes: string[], precision: number, grid: number[]): number[] {
  return classes.map((c, k) => {
    const scored: { p: number; right: boolean }[] = [];
    for (const { doc, scored: pairs } of docs)
      doc.pairs.forEach((pair, i) => {
        if (pair.gh < 0 || pair.gt < 0 || pair.gh === pair.gt || !pairs[i].allowed[k]) return;
        scored.push({ p: pairs[i].probabilities[k], right: pair.properties.includes(c) });
      });
    const at = (floor: number) => scored.filter((s) => s.p >= floor);
    if (at(grid[0]).length < MIN_SCORED) return 0;
    for (const floor of grid) {
      const kept = at(floor);
      if (kept.length < MIN_KEPT) break;
      if (kept.filter((s) => s.right).length / kept.length >= precision) return floor;
    }
    return 1.01;
  });
}

/** Fewer scored relations than this say nothing about a class. */
const MIN_SCORED = 10;
/** A floor must keep at least this many relations to be trusted. */
const MIN_KEPT = 3;

/** Where the model's decisions are cut: the probability a typed relation needs, and the relatedness an association needs. */
export interface PairSetting {
  threshold: number;
  associationThreshold: number;
}

/**
 * The figures of the rules, every typed relation at or above the threshold, and an association for each pair nothing
 * links whose relatedness reaches its threshold — as predict.ts decides them.
 */
export function pairFigures(
  docs: ScoredDocument[],
  model: Pick<PairModel, "classes" | "singleValued" | "floors" | "related">,
  setting: PairSetting,
): PairFigures {
  const { threshold, associationThreshold } = setting;
  let onGold = 0;
  let right = 0;
  let wdOnGold = 0;
  let wdRight = 0;
  let namedPairs = 0;
  let pairsFound = 0;
  let namedTriples = 0;
  let triplesFound = 0;
  for (const { doc, scored } of docs) {
    const relations: { gh: number; gt: number; wikidata?: string }[] = [...doc.rules];
    // Linked pairs are counted by entity, as predict.ts sees them, not by the gold entities they stand for.
    const linked = new Set(doc.rules.map((r) => unorderedPairKey(r.h, r.t)));
    for (const [i, k] of selectRelations(scored, model.singleValued, { threshold, floors: model.floors })) {
      relations.push({ gh: doc.pairs[i].gh, gt: doc.pairs[i].gt, wikidata: model.classes[k] });
      linked.add(unorderedPairKey(doc.pairs[i].h, doc.pairs[i].t));
    }
    if (model.related >= 0)
      for (const i of selectAssociations(
        doc.pairs.map((_, j) => j),
        (j) => unorderedPairKey(doc.pairs[j].h, doc.pairs[j].t),
        (j) => scored[j].probabilities[model.related],
        associationThreshold,
        linked,
      ))
        relations.push({ gh: doc.pairs[i].gh, gt: doc.pairs[i].gt });
    const pairsHit = new Set<string>();
    const triplesHit = new Set<string>();
    for (const r of relations) {
      if (r.gh < 0 || r.gt < 0 || r.gh === r.gt) continue;
      const key = unorderedPairKey(r.gh, r.gt);
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
