/**
 * Build to file: builds the graph of graph-data/ and writes it as the graph file the server loads.
 */
import { buildGraph, type BuildOptions, type BuildResult } from "../graph/build.ts";
import { writeGraphJson } from "./graphFile.ts";

/** Builds and writes the graph to `out` (graph-data/build/graph.json by default). */
export function buildToFile(out?: string, options: Partial<BuildOptions> = {}): BuildResult & { out: string } {
  const result = buildGraph(options);
  const file = out ?? result.dataset.dataFiles.builtGraph;
  writeGraphJson(result.graph, file);
  return { ...result, out: file };
}
