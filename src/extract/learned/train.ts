/**
 * Pair model training: one logistic regression per class over binary features, fitted by AdaGrad stochastic
 * gradient descent in a seeded order, so the same examples always give the same weights. Written here because the
 * model is small and sparse and no maintained npm package fits sparse multi-label logistic regression deterministically.
 */
import { mulberry32 } from "../../util/random.ts";

/** One training pair: its feature ids and the classes it has. */
export interface TrainingExample {
  features: Int32Array;
  classes: number[];
  /** The only classes this pair teaches (its annotation says nothing of the others); all when absent. */
  taught?: number[];
}

/** Tunables of training. */
export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty, applied to a weight whenever its feature occurs. */
  l2: number;
  seed: number;
}

/** Defaults chosen on the inner validation part of the training split. */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 3, learningRate: 0.05, l2: 3e-3, seed: 7 };

/** Fits weights (row-major feature x class) to the examples. */
export function trainLogistic(
  examples: TrainingExample[],
  featureCount: number,
  classCount: number,
  options: Partial<TrainOptions> = {},
): Float32Array {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const w = new Float64Array(featureCount * classCount);
  const g = new Float64Array(featureCount * classCount).fill(1e-8);
  const order = Int32Array.from(examples.keys());
  const random = mulberry32(o.seed);
  const z = new Float64Array(classCount);
  const y = new Uint8Array(classCount);
  const step = (k: number, error: number) => {
    const grad = error + o.l2 * w[k];
    g[k] += grad * grad;
    w[k] -= (o.learningRate * grad) / Math.sqrt(g[k]);
  };
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const ex = examples[i];
      z.fill(0);
      y.fill(0);
      for (const c of ex.classes) y[c] = 1;
      for (const f of ex.features) for (let c = 0, row = f * classCount; c < classCount; c++) z[c] += w[row + c];
      for (let c = 0; c < classCount; c++) z[c] = 1 / (1 + Math.exp(-z[c])) - y[c];
      for (const f of ex.features)
        if (ex.taught) for (const c of ex.taught) step(f * classCount + c, z[c]);
        else for (let c = 0, k = f * classCount; c < classCount; c++, k++) step(k, z[c]);
    }
  }
  return Float32Array.from(w);
}

function shuffle(a: Int32Array, random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
}
