/**
 * Query pairs: the fixed, seeded random (from, to) node pairs every path measure and peer tool uses.
 */
import { mulberry32 } from "../src/util/random.ts";
import { nodeKey } from "./graphs/generate.ts";

/** `count` pairs of distinct node keys of a generated graph of `nodes` nodes. */
export function fixedPairs(nodes: number, count: number, seed = 1000): [string, string][] {
  const random = mulberry32(seed);
  const pairs: [string, string][] = [];
  while (pairs.length < count) {
    const a = Math.floor(random() * nodes);
    const b = Math.floor(random() * nodes);
    if (a !== b) pairs.push([nodeKey(a), nodeKey(b)]);
  }
  return pairs;
}
