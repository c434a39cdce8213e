/**
 * Graph cache: generated graphs live in bench/out/graphs/, named by size, seed and generator version.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  GENERATOR_VERSION,
  generateGraph,
  writeGeneratedGraph,
  type GraphAttributeSet,
  type GraphSpec,
} from "./generate.ts";

/** bench/out/: every generated file and result (git-ignored). */
export const BENCH_OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../out");

/** Where the graph of `spec` is cached (a bare file's name ends in `-bare`). */
export function graphFilePath(
  spec: GraphSpec,
  dir: string = path.join(BENCH_OUT, "graphs"),
  attributes: GraphAttributeSet = "full",
): string {
  const suffix = attributes === "bare" ? "-bare" : "";
  return path.join(dir, `kg-${spec.nodes}n-${spec.edges}e-s${spec.seed}-v${GENERATOR_VERSION}${suffix}.json`);
}

/** Returns the cached file of `spec`, generating it first when absent; `generated` says which happened. */
export function ensureGraphFile(
  spec: GraphSpec,
  dir?: string,
  attributes: GraphAttributeSet = "full",
): { file: string; generated: boolean; ms: number } {
  const file = graphFilePath(spec, dir, attributes);
  if (existsSync(file)) return { file, generated: false, ms: 0 };
  const t0 = performance.now();
  writeGeneratedGraph(generateGraph(spec), file, { attributes });
  return { file, generated: true, ms: performance.now() - t0 };
}
