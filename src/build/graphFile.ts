/**
 * Graph files: write and read the graphology JSON export that the builder produces and the server loads.
 */
import { readFileSync } from "node:fs";
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { EntityAttributes, GraphAttributes, KnowledgeGraph, RelationAttributes } from "../model/types.ts";
import { writeFileAtomic } from "../store/atomicWrite.ts";

/** Serialises a graph deterministically (insertion order, stable key order) as pretty JSON. */
export function serializeGraph(graph: KnowledgeGraph): string {
  return JSON.stringify(graph.export(), null, 1) + "\n";
}

/** Writes the graph's JSON export atomically. */
export function writeGraphJson(graph: KnowledgeGraph, file: string): void {
  writeFileAtomic(file, serializeGraph(graph));
}

/** Rebuilds a graph from a graphology JSON export (as written by {@link writeGraphJson} or `graph.export()`). */
export function graphFromJson(
  data: SerializedGraph<EntityAttributes, RelationAttributes, GraphAttributes>,
): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  graph.import(data);
  return graph;
}

/** Reads a graphology JSON export from disk; throws with the file name when it is not one. */
export function readGraphJson(file: string): KnowledgeGraph {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(
      `graph: cannot read ${file} as JSON (${(error as Error).message}); rebuild it with "npx kg build"`,
      {
        cause: error,
      },
    );
  }
  if (!data || typeof data !== "object" || !Array.isArray((data as { nodes?: unknown }).nodes)) {
    throw new Error(`graph: ${file} is not a graphology JSON export (no "nodes" list); rebuild it with "npx kg build"`);
  }
  return graphFromJson(data as SerializedGraph<EntityAttributes, RelationAttributes, GraphAttributes>);
}
