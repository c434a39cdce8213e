/**
 * Name-type training: the untyped names resolution meets in the training documents, labelled with their gold type,
 * and the classifier fitted to them (see src/extract/nameType/).
 */
import { compiledFor } from "../context.ts";
import type { GoldDocument } from "../eval/gold.ts";
import { goldEntityOf, type PreparedDocument } from "../eval/redocred.ts";
import { normalizeName } from "../lexicon/normalize.ts";
import { findMentions } from "../mentions/find.ts";
import type { Mention } from "../mentions/types.ts";
import { nameFeatures } from "../nameType/features.ts";
import { chooseNameType } from "../nameType/guess.ts";
import {
  decodeNameTypeModel,
  NAME_TYPE_CLASSES,
  NAME_TYPE_MODEL_FORMAT,
  nameTypeScores,
  type NameTypeClass,
  type NameTypeModel,
  type NameTypeModelFile,
} from "../nameType/model.ts";
import { analyse } from "../nlp/analyse.ts";
import { resolveMentions } from "../resolve/resolve.ts";
import type { ExtractContext } from "../types.ts";
import { quantizeWeights } from "../../util/quantized.ts";
import { trainLogistic, type TrainingExample } from "./train.ts";

/** One untyped name of a training document: its features (hashes) and its gold class. */
export interface NameExample {
  features: number[];
  label: NameTypeClass;
}

/** Re-DocRED's entity types as the classifier's classes (dates, numbers and miscellany are "other"). */
const REDOCRED_CLASS: Record<string, NameTypeClass> = { PER: "person", ORG: "organization", LOC: "location" };

/**
 * The untyped names of `text` as resolution meets them, each labelled by `goldOf` (given the name's uses). The text
 * goes through the same steps as extraction up to resolution, with a typer that records instead of deciding.
 */
function untypedNames(
  text: string,
  context: ExtractContext,
  goldOf: (uses: Mention[]) => NameTypeClass,
): NameExample[] {
  const ctx = compiledFor(context);
  const a = analyse(text);
  const mentions = findMentions(a, ctx, true);
  const seen = new Set<string>();
  const out: NameExample[] = [];
  resolveMentions(a, mentions, (m) => {
    const key = normalizeName(m.surface);
    if (!seen.has(key)) {
      seen.add(key);
      const uses = mentions.filter((x) => !x.nested && normalizeName(x.surface) === key);
      const named = uses.length > 0 ? uses : [m];
      out.push({ features: nameFeatures(a, named), label: goldOf(named) });
    }
    return "organization";
  });
  return out;
}

/** A Re-DocRED document's untyped names, labelled with the type of the gold entity a use overlaps (scorer's rule). */
export function redocredNameExamples(doc: PreparedDocument, context: ExtractContext): NameExample[] {
  return untypedNames(doc.text, context, (uses) => {
    const g = goldEntityOf(uses, doc.goldSpans);
    return g < 0 ? "other" : (REDOCRED_CLASS[doc.goldTypes[g]] ?? "other");
  });
}

/** A news document's untyped names, labelled with the type of the gold entity one of whose names they are. */
export function newsNameExamples(doc: GoldDocument, context: ExtractContext): NameExample[] {
  const byName = new Map<string, NameTypeClass>();
  for (const e of doc.entities)
    for (const name of [e.label, ...e.aliases])
      byName.set(normalizeName(name), e.type === "country" ? "location" : (e.type as NameTypeClass));
  return untypedNames(doc.content, context, (uses) => byName.get(normalizeName(uses[0].surface)) ?? "other");
}

/** Tunables of {@link trainNameTypeModel}. */
export interface NameTypeTrainOptions {
  /** A feature is kept when at least this many names have it. */
  minFeatureCount: number;
  epochs: number;
  l2: number;
}

export const DEFAULT_NAME_TYPE_TRAIN_OPTIONS: NameTypeTrainOptions = { minFeatureCount: 2, epochs: 8, l2: 1e-3 };

/** Fits the classifier to `examples` and returns it in file form. */
export function trainNameTypeModel(
  examples: NameExample[],
  trainedOn: string,
  options: Partial<NameTypeTrainOptions> = {},
): NameTypeModelFile {
  const o = { ...DEFAULT_NAME_TYPE_TRAIN_OPTIONS, ...options };
  const counts = new Map<number, number>();
  for (const ex of examples) for (const f of ex.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const features = [...counts]
    .filter(([, n]) => n >= o.minFeatureCount)
    .map(([f]) => f)
    .sort((x, y) => x - y);
  const ids = new Map(features.map((f, i) => [f, i]));
  const training: TrainingExample[] = examples.map((ex) => ({
    features: Int32Array.from(ex.features.filter((f) => ids.has(f)).map((f) => ids.get(f)!)),
    classes: [NAME_TYPE_CLASSES.indexOf(ex.label)],
  }));
  const weights = trainLogistic(training, features.length, NAME_TYPE_CLASSES.length, { epochs: o.epochs, l2: o.l2 });
  return {
    format: NAME_TYPE_MODEL_FORMAT,
    trainedOn,
    classes: [...NAME_TYPE_CLASSES],
    features,
    ...quantizeWeights(weights),
  };
}

/** How a typer does on the names of the scored kinds: typed right, and right if every one were an organisation. */
export interface NameTypeFigures {
  names: number;
  right: number;
  asOrganizations: number;
}

/**
 * One model per fold, each trained on the names of every corpus's documents outside that fold (document `j` is in
 * fold `j % folds`): what types a training document's names as if the extractor had never seen it.
 */
export function foldNameTypeModels(corpora: Record<string, NameExample[][]>, folds: number): NameTypeModel[] {
  return Array.from({ length: folds }, (_, fold) => {
    const kept = Object.values(corpora).flatMap((docs) => docs.filter((_, j) => j % folds !== fold).flat());
    return decodeNameTypeModel(trainNameTypeModel(kept, "out of fold"));
  });
}

/**
 * Out-of-fold figures of the name types, per corpus: each fold's documents of each corpus typed (as
 * `chooseNameType` types at `margin`) by the model of {@link foldNameTypeModels} that left them out.
 */
export function outOfFoldNameTypes(
  corpora: Record<string, NameExample[][]>,
  models: NameTypeModel[],
  margin: number,
): Record<string, NameTypeFigures> {
  const out: Record<string, NameTypeFigures> = {};
  for (const name of Object.keys(corpora)) out[name] = { names: 0, right: 0, asOrganizations: 0 };
  for (const [fold, model] of models.entries())
    for (const [name, docs] of Object.entries(corpora))
      for (const ex of docs.filter((_, j) => j % models.length === fold).flat()) {
        if (ex.label === "other") continue;
        const f = out[name];
        f.names++;
        if (chooseNameType(nameTypeScores(model, ex.features), margin) === ex.label) f.right++;
        if (ex.label === "organization") f.asOrganizations++;
      }
  return out;
}
