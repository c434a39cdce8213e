/**
 * Graph loading: the graph that queries are answered on, for the server and the commands alike.
 */
import { isBuildStale } from "../graph/build.ts";
import { buildToFile, type BuildFileOptions } from "../graphfile/buildToFile.ts";
import { readGraphJson } from "../graphfile/graphFile.ts";
import { readAnyGraphFile } from "../import/readAnyGraphFile.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { dataFilesOf } from "../store/dataFiles.ts";
import { logger } from "../util/logger.ts";

/** Where the graph comes from: a graph file, or graph-data/ (the repository's when `dataRoot` is undefined). */
export interface GraphSource {
  graphFile: string | null;
  dataRoot: string | undefined;
}

/**
 * Loads the graph to serve: the given file (JSON, GEXF or GraphML), or graph-data/'s build (rebuilt when stale, with
 * its snapshot unless `build.snapshot` is false: a server writes it in the background once it listens).
 */
export function loadServedGraph(options: GraphSource, build: Partial<BuildFileOptions> = {}): KnowledgeGraph {
  if (options.graphFile) return readAnyGraphFile(options.graphFile);
  const dataFiles = dataFilesOf(options.dataRoot);
  if (isBuildStale(dataFiles.builtGraph, options.dataRoot)) {
    logger.info("graph-data changed since the last build; rebuilding");
    return buildToFile(undefined, { root: options.dataRoot }, build).graph;
  }
  return readGraphJson(dataFiles.builtGraph);
}
