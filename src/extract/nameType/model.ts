/**
 * Name-type model: the learned classifier that types a name nothing in or around it types (a lone unknown word, a
 * name of unknown words): its file format, its offline loading and its verdicts.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { dequantizeWeights } from "../../util/quantized.ts";

/** Version of the model file format; a file of another version is refused with a message saying how to rebuild. */
export const NAME_TYPE_MODEL_FORMAT = "name-types/1";

/** What the model tells apart; "other" is a name of none of the scored kinds (a work, an event, a title...). */
export const NAME_TYPE_CLASSES = ["person", "organization", "location", "other"] as const;

/** One of {@link NAME_TYPE_CLASSES}. */
export type NameTypeClass = (typeof NAME_TYPE_CLASSES)[number];

/** Where `npm run train:extract` writes the model and the extractor reads it. */
export const NAME_TYPE_MODEL_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), "nameTypeModel.json");

const NameTypeModelFileSchema = z.strictObject({
  format: z.literal(NAME_TYPE_MODEL_FORMAT),
  /** What the model was trained on and how, for people reading the file. */
  trainedOn: z.string(),
  classes: z.tuple([z.literal("person"), z.literal("organization"), z.literal("location"), z.literal("other")]),
  /** Feature hashes (see src/util/featureHash.ts), in weight-row order. */
  features: z.array(z.number().int().min(0).max(0x3fffffff)).min(1),
  /** Weights as little-endian int16, row-major (feature x class), each multiplied by `scale`. */
  weights: z.string(),
  scale: z.number().positive(),
});

/** The model file as written on disk. */
export type NameTypeModelFile = z.infer<typeof NameTypeModelFileSchema>;

/** The model ready to score. */
export interface NameTypeModel {
  featureIds: Map<number, number>;
  /** Row-major: `weights[feature * classes + class]`. */
  weights: Float32Array;
}

let cached: NameTypeModel | null = null;

/** The committed model, read once; throws with a fix when it is missing or of another format. */
export function loadNameTypeModel(file: string = NAME_TYPE_MODEL_PATH): NameTypeModel {
  if (cached && file === NAME_TYPE_MODEL_PATH) return cached;
  if (!existsSync(file))
    throw new Error(
      `extract: the name-type model ${file} is missing; restore it from git or run npm run train:extract`,
    );
  const parsed = NameTypeModelFileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new Error(
      `extract: the name-type model ${file} is not a ${NAME_TYPE_MODEL_FORMAT} file (${parsed.error.issues[0].message}); ` +
        "run npm run train:extract to rebuild it",
    );
  const model = decodeNameTypeModel(parsed.data);
  if (file === NAME_TYPE_MODEL_PATH) cached = model;
  return model;
}

/** Turns the file form into the scoring form; checks that the weights fill the matrix. */
export function decodeNameTypeModel(file: NameTypeModelFile): NameTypeModel {
  const weights = dequantizeWeights(file, file.features.length * NAME_TYPE_CLASSES.length);
  if (!weights) throw new Error("extract: the name-type model's weights do not fill its matrix; retrain it");
  return { featureIds: new Map(file.features.map((f, i) => [f, i])), weights };
}

/** The model's logistic score of each class (in {@link NAME_TYPE_CLASSES} order) for a name's features. */
export function nameTypeScores(model: NameTypeModel, features: number[]): Float64Array {
  const n = NAME_TYPE_CLASSES.length;
  const z = new Float64Array(n);
  for (const f of features) {
    const id = model.featureIds.get(f);
    if (id === undefined) continue;
    for (let c = 0; c < n; c++) z[c] += model.weights[id * n + c];
  }
  return z;
}
