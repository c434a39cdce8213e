/**
 * Build to file: builds the graph of graph-data/ and writes it as the graph file the server loads, with its snapshot.
 */
import { buildGraph, type BuildOptions, type BuildResult } from "../graph/build.ts";
import { builtGraphKey, saveSnapshot, snapshotPathOf } from "../snapshot/index.ts";
import { writeGraphJson } from "./graphFile.ts";

/** What {@link buildToFile} writes besides the graph file. */
export interface BuildFileOptions {
  /** The snapshot beside it, now; a server starting on a stale build writes it in the background instead. */
  snapshot: boolean;
}

export const DEFAULT_BUILD_FILE_OPTIONS: BuildFileOptions = { snapshot: true };

/**
 * Builds and writes the graph to `out` (graph-data/build/graph.json by default), then its snapshot beside it
 * (`graph.snapshot`), so the server starts without building the path and search indexes.
 */
export function buildToFile(
  out?: string,
  options: Partial<BuildOptions> = {},
  files: Partial<BuildFileOptions> = {},
): BuildResult & { out: string } {
  const { snapshot } = { ...DEFAULT_BUILD_FILE_OPTIONS, ...files };
  const result = buildGraph(options);
  const file = out ?? result.dataset.dataFiles.builtGraph;
  writeGraphJson(result.graph, file);
  const key = snapshot ? builtGraphKey(result.fingerprint, file) : null;
  if (key) saveSnapshot(result.graph, snapshotPathOf(file), key);
  return { ...result, out: file };
}
