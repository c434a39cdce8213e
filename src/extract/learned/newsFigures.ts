/**
 * News figures of a candidate model: the share of the news development sets' gold pairs its relations connect, so
 * that training can weigh news text beside the Re-DocRED split it fits on.
 */
import type { Ontology } from "../../model/schemas.ts";
import { loadGoldSet, type GoldDocument } from "../eval/gold.ts";
import { scoreSet } from "../eval/score.ts";
import type { EvalSet } from "../eval/sets.ts";
import type { ExtractContext } from "../types.ts";
import type { PairModel } from "./model.ts";

/** Gold pairs connected and linked pairs outside the gold, pooled over every document of the sets. */
export interface NewsPairFigures {
  documents: number;
  pairRecall: number;
  pairPrecision: number;
}

/** The development sets' documents, read once (held-out sets are refused: they only measure). */
export function newsDevelopmentDocuments(sets: EvalSet[]): GoldDocument[] {
  const heldOut = sets.find((s) => s.heldOut);
  if (heldOut) throw new Error(`train: "${heldOut.name}" is a held-out set; only development sets may guide training`);
  return sets.flatMap((s) => loadGoldSet(s.dir));
}

/** Pooled pair recall and precision of `model` (at its own thresholds) over `docs`. */
export function newsPairFigures(
  docs: GoldDocument[],
  model: PairModel,
  context: ExtractContext & { ontology: Ontology },
): NewsPairFigures {
  if (docs.length === 0) return { documents: 0, pairRecall: 0, pairPrecision: 0 };
  const overall = scoreSet(docs, context, { cooccurrence: false }, model).at(-1)!;
  return { documents: docs.length, pairRecall: overall.pairs.recall, pairPrecision: overall.pairs.precision };
}
