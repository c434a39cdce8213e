/**
 * News figures of a candidate model: the share of the news development sets' gold pairs its relations connect, so
 * that training can weigh news text beside the Re-DocRED split it fits on.
 */
import type { Ontology } from "../../model/schemas.ts";
import { loadGoldSet, type GoldDocument } from "../eval/gold.ts";
import { scoreSet } from "../eval/score.ts";
import type { EvalSet } from "../eval/sets.ts";
import type { ExtractContext } from "../types.ts";
import type { NameTypeModel } from "../nameType/model.ts";
import type { PairModel } from "./model.ts";

/** Gold pairs connected and linked pairs outside the gold, pooled over every document scored. */
export interface NewsPairFigures {
  documents: number;
  pairRecall: number;
  pairPrecision: number;
}

/** Documents and the model that scores them (in training, the fold's model that did not see them). */
export interface NewsPart {
  docs: GoldDocument[];
  model: PairModel;
  /** Types the documents' untyped names (the committed model when absent). */
  nameTypes?: NameTypeModel;
}

/** The development sets' documents, read once (held-out sets are refused: they only measure). */
export function newsDevelopmentDocuments(sets: EvalSet[]): GoldDocument[] {
  const heldOut = sets.find((s) => s.heldOut);
  if (heldOut) throw new Error(`train: "${heldOut.name}" is a held-out set; only development sets may guide training`);
  return sets.flatMap((s) => loadGoldSet(s.dir));
}

/** Pair recall and precision, pooled over the parts, each part's documents extracted with its model. */
export function newsPairFigures(parts: NewsPart[], context: ExtractContext & { ontology: Ontology }): NewsPairFigures {
  let documents = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { docs, model, nameTypes } of parts) {
    if (docs.length === 0) continue;
    const { pairs } = scoreSet(docs, { ...context, nameTypes }, { cooccurrence: false }, model).at(-1)!.counts;
    documents += docs.length;
    tp += pairs.tp;
    fp += pairs.fp;
    fn += pairs.fn;
  }
  const ratio = (a: number, b: number) => (b ? a / b : 0);
  return { documents, pairRecall: ratio(tp, tp + fn), pairPrecision: ratio(tp, tp + fp) };
}
