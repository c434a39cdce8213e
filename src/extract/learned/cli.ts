/**
 * `npm run train:extract`: trains the pair model on the Re-DocRED train split (four fifths of the development set),
 * chooses its per-property floors and candidate thresholds on out-of-fold scores of that split, picks among the
 * candidates with the news development sets' pair recall as well (setting.ts), and writes
 * src/extract/learned/pairModel.json (after the place index the features read, src/extract/geo/placeIndex.json, and
 * the name-type model that types the entities it reads, src/extract/nameType/nameTypeModel.json).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../../store/atomicWrite.ts";
import { buildPlaceIndex } from "../geo/buildPlaceIndex.ts";
import { PLACE_INDEX_PATH } from "../geo/places.ts";
import { runAsScript } from "../../util/script.ts";
import { loadExtractContext } from "../context.ts";
import { prepareDocument, readRedocred, splitOf } from "../eval/redocred.ts";
import { documentPairs, newsDocumentPairs, type DocumentPairs } from "./examples.ts";
import { unorderedPairKey } from "../../util/pairKey.ts";
import { classFloors, pairFigures, type PairFigures, type PairSetting, type ScoredDocument } from "./figures.ts";
import { encodePairModel, featureIdsOf, PAIR_MODEL_PATH, RELATED_CLASS, scorePair, type PairModel } from "./model.ts";
import { newsDevelopmentDocuments, newsPairFigures } from "./newsFigures.ts";
import { chooseSetting, type SettingRow } from "./setting.ts";
import { EVAL_SETS, type EvalSet } from "../eval/sets.ts";
import { trainLogistic, DEFAULT_TRAIN_OPTIONS, type TrainingExample } from "./train.ts";
import {
  foldNameTypeModels,
  newsNameExamples,
  outOfFoldNameTypes,
  redocredNameExamples,
  trainNameTypeModel,
} from "./nameTypes.ts";
import type { NameTypeModel } from "../nameType/model.ts";
import { NAME_TYPE_MODEL_PATH } from "../nameType/model.ts";
import { DEFAULT_NAME_TYPER_OPTIONS } from "../nameType/guess.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** Where the development set lives in a checkout beside shared/. */
export const DEFAULT_REDOCRED = path.resolve(ROOT, "../shared/redocred/dev.json");
/** A property is learned when the train split has at least this many gold pairs of it between extracted entities. */
const MIN_CLASS_PAIRS = 12;
/** A feature is kept when at least this many training pairs have it. */
const MIN_FEATURE_COUNT = 10;
/** Folds of the train split for out-of-fold scores. */
const FOLDS = 5;
/** Name-type margins whose out-of-fold figures are printed: the one shipped (DEFAULT_NAME_TYPER_OPTIONS) and 1. */
const NAME_TYPE_MARGINS = [DEFAULT_NAME_TYPER_OPTIONS.margin, 1];
/** The thresholds keep pair precision at least this high on the out-of-fold scores (the benchmark's target). */
const MIN_PAIR_PRECISION = 0.7;
/** A class's relations between gold entities must be right at least this often on the out-of-fold scores. */
const MIN_CLASS_PRECISION = 0.5;
/** A property is single-valued when at least this share of its gold subjects have one object. */
const SINGLE_VALUED_SHARE = 0.75;
const THRESHOLDS = Array.from({ length: 33 }, (_, i) => 0.1 + i * 0.025);
/** Relatedness an association may need (above 1: none). */
const ASSOCIATION_THRESHOLDS = [0.4, 0.45, 0.5, 0.525, 0.55, 0.575, 0.6, 0.65, 0.7, 0.8, 1.01];

/** Where training reads and writes. */
export interface TrainPairOptions {
  dataFile: string;
  /** The model file written. */
  out: string;
  /**
   * The name-type model file written first (null: keep the one there is). The pair examples are read with the
   * committed one unless this is its path.
   */
  nameTypeOut: string | null;
  /** The place index rebuilt first (null: use the one there is). */
  placeIndex: string | null;
  /** Train on the first N documents of the train split only (for checks; the committed model uses all). */
  limit: number;
  /** News development sets whose pair recall weighs in the choice of thresholds (never held-out sets). */
  newsSets: EvalSet[];
  log: (line: string) => void;
}

/** Defaults: the shared development set, the committed model and place index, every train document, every news
 * development set. */
export const DEFAULT_TRAIN_PAIR_OPTIONS: TrainPairOptions = {
  dataFile: DEFAULT_REDOCRED,
  out: PAIR_MODEL_PATH,
  nameTypeOut: NAME_TYPE_MODEL_PATH,
  placeIndex: PLACE_INDEX_PATH,
  limit: Infinity,
  newsSets: EVAL_SETS.filter((s) => !s.heldOut),
  log: () => {},
};

/** Trains, chooses the threshold, writes the model; returns the validation figures at the chosen threshold. */
export function trainPairModel(options: Partial<TrainPairOptions> = {}): PairFigures {
  const { dataFile, out, nameTypeOut, placeIndex, limit, newsSets, log } = {
    ...DEFAULT_TRAIN_PAIR_OPTIONS,
    ...options,
  };
  // The data sets are read first, so that a missing or broken file changes nothing.
  const news = newsDevelopmentDocuments(newsSets);
  const train = readRedocred(dataFile)
    .map((d, i) => prepareDocument(d, i))
    .filter((d) => splitOf(d.index) === "train")
    .slice(0, limit);
  log(`train split: ${train.length} documents`);
  if (placeIndex) log(`place index: ${buildPlaceIndex(placeIndex)} names`);
  const context = { ...loadExtractContext() };
  // The name types first: the pair examples below are read from entities a name-type model typed. A model trained on
  // a document's own names types them far better than it types a new text's, so each document is read with the model
  // of the fold that left it out, and the pair model learns (and its thresholds are chosen) on types as noisy as the
  // extractor's on text it has not seen.
  let foldNameTypes: NameTypeModel[] | null = null;
  if (nameTypeOut) {
    const corpora = {
      "Re-DocRED": train.map((d) => redocredNameExamples(d, context)),
      news: news.map((d) => newsNameExamples(d, context)),
    };
    const names = Object.values(corpora).flat(2);
    foldNameTypes = foldNameTypeModels(corpora, FOLDS);
    for (const margin of NAME_TYPE_MARGINS) {
      const figures = outOfFoldNameTypes(corpora, foldNameTypes, margin);
      const text = Object.entries(figures).map(
        ([corpus, f]) =>
          `${corpus} ${percent(f.right, f.names)} right (${percent(f.asOrganizations, f.names)} as organisations)`,
      );
      log(`name types out of fold, margin ${margin}: ${text.join(", ")}`);
    }
    const trainedOn =
      `untyped names of the Re-DocRED development set's train split (${train.length} documents)` +
      ` and of ${news.length} news development documents; AdaGrad logistic regression`;
    writeFileAtomic(nameTypeOut, JSON.stringify(trainNameTypeModel(names, trainedOn)) + "\n");
    log(`wrote ${nameTypeOut}: name types of ${names.length} untyped names`);
  }
  const typedBy = (j: number) => (foldNameTypes ? { ...context, nameTypes: foldNameTypes[j % FOLDS] } : context);
  const docs = train.map((d, j) => documentPairs(d, typedBy(j)));
  const newsPairs = news.map((d, j) => newsDocumentPairs(d, typedBy(j)));
  log(`news development documents: ${news.length}`);
  const classes = chooseClasses(docs);
  log(`classes (${classes.length}): ${classes.join(" ")}`);
  const singleValued = singleValuedClasses(docs, classes);
  log(`single-valued: ${classes.filter((_, i) => singleValued[i]).join(" ")}`);
  // Out-of-fold scores: each fifth of the train split (and of the news documents) is scored by weights fitted on the
  // other four fifths, so the thresholds and floors are chosen on all of it without scoring a document with weights
  // it helped fit.
  const scored = new Array<ScoredDocument>(docs.length);
  const foldModels: FittedModel[] = [];
  const outOfFold = (j: number, fold: number) => j % FOLDS !== fold;
  for (let fold = 0; fold < FOLDS; fold++) {
    const fitted = fitModel(
      [...docs.filter((_, j) => outOfFold(j, fold)), ...newsPairs.filter((_, j) => outOfFold(j, fold))],
      [...classes, RELATED_CLASS],
    );
    foldModels.push(fitted);
    docs.forEach((doc, j) => {
      if (!outOfFold(j, fold)) scored[j] = scoreDocument(doc, fitted);
    });
  }
  const floors = classFloors(scored, classes, MIN_CLASS_PRECISION, THRESHOLDS);
  log(`class floors: ${classes.map((c, i) => `${c} ${floors[i].toFixed(2)}`).join(", ")}`);
  const inner = { classes, singleValued, floors, related: classes.length };
  const rows = frontierRows(scored, inner, log);
  // Each candidate is scored on the news development documents as the extractor would run it, each document by the
  // weights of the fold that left it out.
  if (news.length > 0)
    for (const row of rows) {
      const parts = foldModels.map((fitted, fold) => ({
        docs: news.filter((_, j) => !outOfFold(j, fold)),
        nameTypes: foldNameTypes?.[fold],
        model: {
          ...fitted,
          ...row.setting,
          singleValued: [...singleValued, false],
          floors: [...floors, 0],
          related: classes.length,
        },
      }));
      row.news = newsPairFigures(parts, context);
      log(`  ${settingText(row.setting)}: news development pair R ${row.news.pairRecall.toFixed(3)} out of fold`);
    }
  // Properties whose floor rules them out are not shipped: the extractor would score them for nothing. Each class's
  // weights are fitted on their own, so dropping some leaves the others as they were.
  const kept = floors.flatMap((floor, i) => (floor <= 1 ? [i] : []));
  log(`shipped: ${kept.map((i) => classes[i]).join(" ")} ${RELATED_CLASS}`);
  const shipped = [...kept.map((i) => classes[i]), RELATED_CLASS];
  const model = fitModel([...docs, ...newsPairs], shipped);
  const trainedOn =
    `Re-DocRED development set, train split (documents whose index % 5 != 4; ${docs.length} documents)` +
    (news.length > 0 ? ` and, for relatedness only, ${news.length} news development documents` : "") +
    `; AdaGrad logistic regression, ${DEFAULT_TRAIN_OPTIONS.epochs} epochs, seed ${DEFAULT_TRAIN_OPTIONS.seed}; ` +
    `thresholds and floors chosen on ${FOLDS}-fold out-of-fold scores for pair precision >= ${MIN_PAIR_PRECISION}` +
    (news.length > 0 ? ", then on out-of-fold news pair recall" : "");
  const fileOf = (setting: PairSetting) =>
    encodePairModel(
      {
        classes: shipped,
        threshold: setting.threshold,
        associationThreshold: setting.associationThreshold,
        singleValued: [...kept.map((i) => singleValued[i]), false],
        floors: [...kept.map((i) => floors[i]), 0],
        features: model.features,
        weights: model.weights,
      },
      trainedOn,
    );
  const best = chooseSetting(rows)!;
  log(`chosen: ${settingText(best.setting)}, on out-of-fold scores of ${docs.length} documents`);
  writeFileAtomic(out, JSON.stringify(fileOf(best.setting)) + "\n");
  log(`wrote ${out}: ${model.features.length} features x ${kept.length} classes`);
  return best.figures;
}

const percent = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;

const settingText = (s: PairSetting) => `threshold ${s.threshold.toFixed(3)}, association ${s.associationThreshold}`;

/**
 * For each association threshold, the typed threshold with the highest out-of-fold pair recall (then triple F1)
 * whose pair precision is at least {@link MIN_PAIR_PRECISION}; when no setting reaches it, the most precise one alone.
 */
function frontierRows(
  scored: ScoredDocument[],
  model: Parameters<typeof pairFigures>[1],
  log: (line: string) => void,
): SettingRow[] {
  const rows: SettingRow[] = [];
  let mostPrecise: SettingRow | null = null;
  for (const associationThreshold of ASSOCIATION_THRESHOLDS) {
    let row: SettingRow | null = null;
    for (const threshold of THRESHOLDS) {
      const setting = { threshold, associationThreshold };
      const figures = pairFigures(scored, model, setting);
      if (!mostPrecise || figures.pairPrecision > mostPrecise.figures.pairPrecision)
        mostPrecise = { setting, figures, news: null };
      if (figures.pairPrecision < MIN_PAIR_PRECISION) continue;
      if (!row || better(figures, row.figures)) row = { setting, figures, news: null };
    }
    if (!row) continue;
    log(`  ${settingText(row.setting)}: ${format(row.figures)}`);
    rows.push(row);
  }
  // A small sample (a test's 40 documents) may reach the floor nowhere: the most precise setting is then the safest.
  if (rows.length === 0) {
    log(`  no setting reaches pair precision ${MIN_PAIR_PRECISION} out of fold; the most precise one is chosen`);
    return [mostPrecise!];
  }
  return rows;
}

/** Pair recall first (the benchmark's target at the precision floor), triple F1 on a tie. */
const better = (a: PairFigures, b: PairFigures) =>
  a.pairRecall > b.pairRecall || (a.pairRecall === b.pairRecall && a.tripleF1 > b.tripleF1);

/** Wikidata properties the ontology maps and the train split has enough of. */
function chooseClasses(docs: DocumentPairs[]): string[] {
  const counts = new Map<string, number>();
  const mappable = new Set<string>();
  for (const d of docs)
    for (const p of d.pairs) {
      for (const c of p.allowed) mappable.add(c);
      for (const c of p.properties) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  return [...counts]
    .filter(([c, n]) => n >= MIN_CLASS_PAIRS && mappable.has(c))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([c]) => c);
}

/** Classes whose gold subjects have one object at least {@link SINGLE_VALUED_SHARE} of the time. */
function singleValuedClasses(docs: DocumentPairs[], classes: string[]): boolean[] {
  const objects = new Map<string, number>();
  for (const [j, d] of docs.entries())
    for (const triple of d.namedTriples) {
      const [h, r] = triple.split("|");
      objects.set(`${j}|${h}|${r}`, (objects.get(`${j}|${h}|${r}`) ?? 0) + 1);
    }
  return classes.map((c) => {
    const counts = [...objects].filter(([k]) => k.endsWith(`|${c}`)).map(([, n]) => n);
    return counts.length > 0 && counts.filter((n) => n === 1).length / counts.length >= SINGLE_VALUED_SHARE;
  });
}

/** Builds the feature dictionary from `docs` and fits the weights. */
/** Fitted weights with their feature dictionary. */
type FittedModel = Pick<PairModel, "classes" | "featureIds" | "weights"> & { features: number[] };

function fitModel(docs: DocumentPairs[], classes: string[]): FittedModel {
  const counts = new Map<number, number>();
  for (const d of docs) for (const p of d.pairs) for (const f of p.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const features = [...counts]
    .filter(([, n]) => n >= MIN_FEATURE_COUNT)
    .map(([f]) => f)
    .sort((a, b) => a - b);
  const featureIds = new Map(features.map((f, i) => [f, i]));
  const classIds = new Map(classes.map((c, i) => [c, i]));
  const related = classIds.get(RELATED_CLASS);
  // News pairs teach relatedness alone: their gold has no Wikidata properties to be right or wrong about.
  const taught = related === undefined ? null : [related];
  const examples: TrainingExample[] = docs.flatMap((d) =>
    (d.annotatesProperties || taught ? d.pairs : []).map((p) => {
      const labels = p.properties.flatMap((c) => classIds.get(c) ?? []);
      // Related: the gold pair has a relation of any property, in either direction, as the scorer's pair figures count.
      if (
        related !== undefined &&
        p.gh >= 0 &&
        p.gt >= 0 &&
        p.gh !== p.gt &&
        d.goldPairs.has(unorderedPairKey(p.gh, p.gt))
      )
        labels.push(related);
      const features = Int32Array.from(p.features.flatMap((f) => featureIds.get(f) ?? []));
      return d.annotatesProperties ? { features, classes: labels } : { features, classes: labels, taught: taught! };
    }),
  );
  const weights = trainLogistic(examples, features.length, classes.length);
  return { classes, features, featureIds, weights };
}

function scoreDocument(
  doc: DocumentPairs,
  model: Pick<PairModel, "classes" | "weights" | "featureIds">,
): ScoredDocument {
  return {
    doc,
    scored: doc.pairs.map((p) => {
      const probabilities = new Float64Array(model.classes.length);
      scorePair(model, featureIdsOf(model, p.features), probabilities);
      return { subject: p.h, probabilities, allowed: model.classes.map((c) => (p.allowed.has(c) ? 1 : 0)) };
    }),
  };
}

function format(f: PairFigures): string {
  const r = (x: number) => x.toFixed(3);
  return `pair R ${r(f.pairRecall)} P ${r(f.pairPrecision)}  triple R ${r(f.tripleRecall)} P ${r(f.triplePrecision)} F1 ${r(f.tripleF1)}`;
}

function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { data: { type: "string" }, out: { type: "string" } } });
  const figures = trainPairModel({
    dataFile: values.data ?? DEFAULT_REDOCRED,
    out: values.out ?? PAIR_MODEL_PATH,
    log: (l) => process.stdout.write(l + "\n"),
  });
  process.stdout.write(`out-of-fold, train split: ${format(figures)}\n`);
  return 0;
}

runAsScript(import.meta.url, main);
