/**
 * Evaluation scores: precision, recall and F1 per document and over a set (micro-averaged).
 */
import type { Ontology } from "../../model/schemas.ts";
import { extractDocument } from "../extract.ts";
import type { PairModel } from "../learned/model.ts";
import type { ExtractContext, ExtractOptions } from "../types.ts";
import type { GoldDocument } from "./gold.ts";
import { matchDocument, type DocumentCounts } from "./match.ts";

/** Precision, recall and F1 of one count. */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Scores of one document, or of a set when `name` is "overall". */
export interface Score {
  name: string;
  words: number;
  entities: Prf;
  relations: Prf;
  /** Gold entity pairs connected by a typed or open relation, direction and predicate aside. */
  pairs: Prf;
  counts: DocumentCounts;
}

/** Precision/recall/F1; an empty denominator counts as 1 (nothing to find, nothing wrongly found). */
export function prf({ tp, fp, fn }: { tp: number; fp: number; fn: number }): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Extracts every document of the set (against `context`, with `model` in place of the committed pair model when
 * given) and scores it; the last score is the micro-average.
 */
export function scoreSet(
  docs: GoldDocument[],
  context: ExtractContext & { ontology: Ontology },
  options: Partial<ExtractOptions> = {},
  model?: PairModel,
): Score[] {
  const scores: Score[] = docs.map((d) => {
    const counts = matchDocument(d, extractDocument(d.content, context, options, model), context.ontology);
    return {
      name: d.name,
      words: wordCount(d.content),
      entities: prf(counts.entities),
      relations: prf(counts.relations),
      pairs: prf(counts.pairs),
      counts,
    };
  });
  const sum = (pick: (c: DocumentCounts) => { tp: number; fp: number; fn: number }) =>
    scores.reduce(
      (acc, s) => ({ tp: acc.tp + pick(s.counts).tp, fp: acc.fp + pick(s.counts).fp, fn: acc.fn + pick(s.counts).fn }),
      { tp: 0, fp: 0, fn: 0 },
    );
  const entities = sum((c) => c.entities);
  const relations = sum((c) => c.relations);
  const pairs = sum((c) => c.pairs);
  scores.push({
    name: "overall",
    words: scores.reduce((n, s) => n + s.words, 0),
    entities: prf(entities),
    relations: prf(relations),
    pairs: prf(pairs),
    counts: { entities, relations, pairs, errors: [] },
  });
  return scores;
}

/** Words as the speed figure counts them: runs of letters or digits. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
