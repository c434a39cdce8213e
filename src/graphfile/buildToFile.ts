/**
 * Build to file: builds the graph of graph-data/ and writes it as the graph file the server loads, with its snapshot.
 */
import { buildGraph, type BuildOptions, type BuildResult } from "../graph/build.ts";
import { builtGraphKey, saveSnapshot, snapshotPathOf } from "../snapshot/index.ts";
import { writeGraphJson } from "./graphFile.ts";

/**
 * Builds and writes the graph to `out` (graph-data/build/graph.json by default), then its snapshot beside it
 * (`graph.snapshot`), so the server starts without building the path and search indexes.
 */
export function buildToFile(out?: string, options: Partial<BuildOptions> = {}): BuildResult & { out: string } {
  const result = buildGraph(options);
  const file = out ?? result.dataset.dataFiles.builtGraph;
  writeGraphJson(result.graph, file);
  const key = builtGraphKey(result.fingerprint, file);
  if (key) saveSnapshot(result.graph, snapshotPathOf(file), key);
  return { ...result, out: file };
}
