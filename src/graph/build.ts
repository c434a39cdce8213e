/**
 * Build: validate graph-data/, assemble the graph, compute metrics and layout, and write the JSON export.
 */
import { existsSync, readFileSync } from "node:fs";
import { loadDataset, type Dataset } from "../store/load.ts";
import { DataError } from "../store/issues.ts";
import { dataLayout } from "../store/layout.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { assembleGraph } from "./assemble.ts";
import { computeMetrics, type MetricsOptions } from "./metrics.ts";
import { layoutGraph, type LayoutOptions } from "./layout.ts";
import { validateDataset } from "./validate.ts";
import { fingerprintInputs } from "./fingerprint.ts";
import { writeGraphJson } from "../graphfile/graphFile.ts";
import { readAnyGraphFile } from "../import/readAnyGraphFile.ts";
import type { ImportOptions } from "../import/types.ts";
import path from "node:path";

/** Tunables of {@link buildGraph}. */
export interface BuildOptions {
  /** graph-data root; the repository's graph-data/ by default. */
  root?: string;
  layout: Partial<LayoutOptions>;
  metrics: Partial<MetricsOptions>;
}

export const DEFAULT_BUILD_OPTIONS: BuildOptions = { layout: {}, metrics: {} };

/** The outcome of a build. */
export interface BuildResult {
  graph: KnowledgeGraph;
  dataset: Dataset;
  fingerprint: string;
}

/** Loads, validates and builds the graph in memory; throws a {@link DataError} when graph-data/ has problems. */
export function buildGraph(options: Partial<BuildOptions> = {}): BuildResult {
  const { root, layout, metrics } = { ...DEFAULT_BUILD_OPTIONS, ...options };
  const dataset = loadDataset(root);
  const issues = validateDataset(dataset);
  if (issues.length > 0) throw new DataError(issues);
  const graph = assembleGraph(dataset);
  computeMetrics(graph, metrics);
  layoutGraph(graph, layout);
  const fingerprint = fingerprintInputs(dataset.layout);
  graph.setAttribute("builtFrom", fingerprint);
  return { graph, dataset, fingerprint };
}

/** Builds and writes the graph to `out` (graph-data/build/graph.json by default). */
export function buildToFile(out?: string, options: Partial<BuildOptions> = {}): BuildResult & { out: string } {
  const result = buildGraph(options);
  const file = out ?? result.dataset.layout.builtGraph;
  writeGraphJson(result.graph, file);
  return { ...result, out: file };
}

/**
 * Converts a graph file (GEXF 1.1–1.3, GraphML or graphology JSON, e.g. from Gephi) into the builder's JSON, with
 * the fields the server and page need filled in; `out` defaults to the input's name with `.json`, beside it.
 */
export function buildFromFile(
  file: string,
  out?: string,
  options: Partial<ImportOptions> = {},
): { graph: KnowledgeGraph; out: string } {
  const target = out ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.json`);
  if (path.resolve(target) === path.resolve(file))
    throw new Error(`build: ${file} would be overwritten by its own conversion; give --out FILE`);
  const graph = readAnyGraphFile(file, options);
  writeGraphJson(graph, target);
  return { graph, out: target };
}

/** True when `file` is missing or was built from other inputs than the current graph-data/. */
export function isBuildStale(file: string, root?: string): boolean {
  if (!existsSync(file)) return true;
  try {
    const built = JSON.parse(readFileSync(file, "utf8")) as { attributes?: { builtFrom?: string } };
    return built.attributes?.builtFrom !== fingerprintInputs(dataLayout(root));
  } catch {
    return true;
  }
}
