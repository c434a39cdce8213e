/**
 * The graph a server loads at start when it does not start on a snapshot: the graph file, or graph-data/'s build, or
 * the last good build when graph-data/ is broken. start.ts imports it only then: reading graph files brings every
 * importer (GEXF, GraphML, Neo4j, Turtle) and the build pipeline with it.
 */
import { existsSync } from "node:fs";
import { readGraphJson } from "../graphfile/graphFile.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { loadServedGraph, type GraphSource } from "../query/loadGraph.ts";
import { dataFilesOf } from "../store/dataFiles.ts";
import { DataError } from "../store/issues.ts";
import { logger } from "../util/logger.ts";

/** The graph loaded at start, and the problem of graph-data/ when the last good build is served instead. */
export interface StartGraph {
  graph: KnowledgeGraph;
  dataError: string | null;
}

/**
 * Like {@link loadServedGraph} (without writing a snapshot: the server writes it once it listens), but when
 * graph-data/ is broken and a last good build exists, serves that build and returns the problem so /api/health can
 * report it.
 */
export function loadServedGraphOrLastGood(source: GraphSource): StartGraph {
  try {
    return { graph: loadServedGraph(source, { snapshot: false }), dataError: null };
  } catch (error) {
    const lastGood = dataFilesOf(source.dataRoot).builtGraph;
    if (source.graphFile || !(error instanceof DataError) || !existsSync(lastGood)) throw error;
    logger.error({ problems: error.issues.length }, "graph-data has problems; serving the last good build");
    return { graph: readGraphJson(lastGood), dataError: error.message };
  }
}
