/**
 * Build: validate graph-data/, assemble the graph, compute metrics and layout (graphfile/buildToFile.ts writes it).
 */
import { existsSync, readFileSync } from "node:fs";
import { loadDataset, type Dataset } from "../store/load.ts";
import { DataError } from "../store/issues.ts";
import { dataFilesOf } from "../store/dataFiles.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { assembleGraph } from "./assemble.ts";
import { computeMetrics, type MetricsOptions } from "./metrics.ts";
import { layoutGraph, type LayoutOptions } from "./layout.ts";
import { validateDataset } from "./validate.ts";
import { fingerprintInputs } from "./fingerprint.ts";

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
  const fingerprint = fingerprintInputs(dataset.dataFiles);
  graph.setAttribute("builtFrom", fingerprint);
  return { graph, dataset, fingerprint };
}

/** True when `file` is missing or was built from other inputs than the current graph-data/. */
export function isBuildStale(file: string, root?: string): boolean {
  if (!existsSync(file)) return true;
  try {
    const built = JSON.parse(readFileSync(file, "utf8")) as { attributes?: { builtFrom?: string } };
    return built.attributes?.builtFrom !== fingerprintInputs(dataFilesOf(root));
  } catch {
    return true;
  }
}
