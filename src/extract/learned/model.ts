/**
 * Pair model: the learned relation classifier's file format, its offline loading and its scores — one logistic
 * regression per Wikidata property over binary pair features, and one for whether the document relates the pair at all.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { dequantizeWeights, quantizeWeights } from "../../util/quantized.ts";

/** Version of the model file format; a file of another version is refused with a message saying how to rebuild. */
export const PAIR_MODEL_FORMAT = "pair-relations/2";

/** The class that says whether the document relates a pair at all, whatever the property. */
export const RELATED_CLASS = "related";

/** Where `npm run train:extract` writes the model and the extractor reads it. */
export const PAIR_MODEL_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), "pairModel.json");

const PairModelFileSchema = z.strictObject({
  format: z.literal(PAIR_MODEL_FORMAT),
  /** What the model was trained on and how, for people reading the file. */
  trainedOn: z.string(),
  /** Wikidata properties, one classifier each, in weight-column order; "related" last when the model has it. */
  classes: z.array(z.string().regex(/^(P[1-9][0-9]*|related)$/)).min(1),
  /** A pair gets a property when its probability reaches this. */
  threshold: z.number().min(0).max(1),
  /** Classes most subjects have once in the training data (a second object then needs more). */
  singleValued: z.array(z.string()),
  /** Per class (in class order): the probability it needs at least, above the threshold. */
  floors: z.array(z.number().min(0).max(1.01)),
  /** A pair no relation links yet gets an open "associated with" relation at this relatedness (above 1: never). */
  associationThreshold: z.number().min(0).max(1.01),
  /** Feature hashes (see featureHash in features.ts), in weight-row order. */
  features: z.array(z.number().int().min(0).max(0x3fffffff)).min(1),
  /** Weights as little-endian int16, row-major (feature x class), each multiplied by `scale`. */
  weights: z.string(),
  scale: z.number().positive(),
});

/** The model file as written on disk. */
export type PairModelFile = z.infer<typeof PairModelFileSchema>;

/** The model ready to score: feature ids by name and the weight matrix. */
export interface PairModel {
  classes: string[];
  threshold: number;
  /** Per class: most subjects have it once. */
  singleValued: boolean[];
  /** Per class: the probability it needs at least, above the threshold. */
  floors: number[];
  /** Column of the relatedness class (-1: the model has none). */
  related: number;
  /** Relatedness at which an unlinked pair gets an association. */
  associationThreshold: number;
  featureIds: Map<number, number>;
  /** Row-major: `weights[feature * classes.length + class]`. */
  weights: Float32Array;
}

let cached: PairModel | null = null;

/** The committed model, read once; throws with a fix when it is missing or of another format. */
export function loadPairModel(file: string = PAIR_MODEL_PATH): PairModel {
  if (cached && file === PAIR_MODEL_PATH) return cached;
  if (!existsSync(file))
    throw new Error(`extract: the relation model ${file} is missing; restore it from git or run npm run train:extract`);
  const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
  const parsed = PairModelFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `extract: the relation model ${file} is not a ${PAIR_MODEL_FORMAT} file (${parsed.error.issues[0].message}); ` +
        "run npm run train:extract to rebuild it",
    );
  const model = decodePairModel(parsed.data);
  if (file === PAIR_MODEL_PATH) cached = model;
  return model;
}

/** Turns the file form into the scoring form; checks that the weights fill the matrix. */
export function decodePairModel(file: PairModelFile): PairModel {
  const expected = file.features.length * file.classes.length;
  const weights = dequantizeWeights(file, expected);
  if (!weights)
    throw new Error(
      `extract: the relation model does not hold ${expected} weights as its classes and features say; retrain it`,
    );
  return {
    classes: file.classes,
    threshold: file.threshold,
    singleValued: file.classes.map((c) => file.singleValued.includes(c)),
    floors: file.classes.map((_, i) => file.floors[i] ?? 0),
    related: file.classes.indexOf(RELATED_CLASS),
    associationThreshold: file.associationThreshold,
    featureIds: new Map(file.features.map((f, i) => [f, i])),
    weights,
  };
}

/** Quantises trained weights into the file form. */
export function encodePairModel(
  model: Omit<PairModel, "featureIds" | "related"> & { features: number[] },
  trainedOn: string,
): PairModelFile {
  const { weights, scale } = quantizeWeights(model.weights);
  return {
    format: PAIR_MODEL_FORMAT,
    trainedOn,
    classes: model.classes,
    threshold: model.threshold,
    singleValued: model.classes.filter((_, i) => model.singleValued[i]),
    floors: model.floors,
    associationThreshold: model.associationThreshold,
    features: model.features,
    weights,
    scale,
  };
}

/** Feature hashes -> row ids the model knows (unknown features are dropped). */
export function featureIdsOf(model: Pick<PairModel, "featureIds">, names: number[]): number[] {
  const table = idTableOf(model.featureIds);
  const mask = (table.length >> 1) - 1;
  const ids: number[] = [];
  for (const n of names) {
    for (let slot = n & mask; ; slot = (slot + 1) & mask) {
      const key = table[slot * 2];
      if (key === n) {
        ids.push(table[slot * 2 + 1]);
        break;
      }
      if (key === EMPTY_SLOT) break;
    }
  }
  return ids;
}

/** No feature hash is negative, so this marks a free slot of an id table. */
const EMPTY_SLOT = -1;
const idTables = new WeakMap<Map<number, number>, Int32Array>();

/**
 * The ids as an open-addressed table of (hash, id) slots, built once per map: every feature of every scored pair is
 * looked up, and a probe of a typed array is several times faster than a Map lookup.
 */
function idTableOf(ids: Map<number, number>): Int32Array {
  let table = idTables.get(ids);
  if (table) return table;
  let slots = 2;
  while (slots < ids.size * 2) slots *= 2;
  table = new Int32Array(slots * 2).fill(EMPTY_SLOT);
  for (const [hash, id] of ids) {
    let slot = hash & (slots - 1);
    while (table[slot * 2] !== EMPTY_SLOT) slot = (slot + 1) & (slots - 1);
    table[slot * 2] = hash;
    table[slot * 2 + 1] = id;
  }
  idTables.set(ids, table);
  return table;
}

/**
 * Probability of each class for one pair, written into `out` (length = classes); with `columns`, of those classes
 * only (the others are left at 0), since a pair's type pair rules most classes out and the sums are most of the
 * extractor's learned stage.
 */
export function scorePair(
  model: Pick<PairModel, "classes" | "weights">,
  ids: number[],
  out: Float64Array,
  columns: Int32Array = everyColumn(model.classes.length),
): void {
  const n = model.classes.length;
  const weights = model.weights;
  out.fill(0);
  for (const id of ids) {
    const row = id * n;
    for (let k = 0; k < columns.length; k++) out[columns[k]] += weights[row + columns[k]];
  }
  for (let k = 0; k < columns.length; k++) out[columns[k]] = 1 / (1 + Math.exp(-out[columns[k]]));
}

/** 0 … n - 1, made once per class count. */
const EVERY_COLUMN = new Map<number, Int32Array>();

function everyColumn(n: number): Int32Array {
  let columns = EVERY_COLUMN.get(n);
  if (!columns) EVERY_COLUMN.set(n, (columns = Int32Array.from({ length: n }, (_, c) => c)));
  return columns;
}
