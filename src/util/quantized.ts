/**
 * Quantised weights: a model's float weights as little-endian int16 in base64 with one scale, so that a committed
 * model file stays small and byte-for-byte reproducible.
 */

/** Weights in file form. */
export interface QuantizedWeights {
  /** Little-endian int16, each weight multiplied by `scale`. */
  weights: string;
  scale: number;
}

/** Quantises `weights` to int16 with the largest scale that fits the largest weight. */
export function quantizeWeights(weights: ArrayLike<number>): QuantizedWeights {
  let max = 1e-9;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]));
  const scale = Math.floor(32_767 / max);
  const bytes = Buffer.alloc(weights.length * 2);
  for (let i = 0; i < weights.length; i++) bytes.writeInt16LE(Math.round(weights[i] * scale), i * 2);
  return { weights: bytes.toString("base64"), scale };
}

/** The float weights of a file, or null when it does not hold exactly `count` of them. */
export function dequantizeWeights(file: QuantizedWeights, count: number): Float32Array | null {
  const bytes = Buffer.from(file.weights, "base64");
  if (bytes.length !== count * 2) return null;
  const weights = new Float32Array(count);
  for (let i = 0; i < count; i++) weights[i] = bytes.readInt16LE(i * 2) / file.scale;
  return weights;
}
