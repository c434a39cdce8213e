/**
 * Snapshot test fixtures: a generated benchmark graph (bench/graphs) read back from its file, with a few nodes the
 * generator never draws (names outside ASCII, aliases, a self-loop, an edge without confidence or status).
 */
import path from "node:path";
import { generateGraph, writeGeneratedGraph } from "../../bench/graphs/generate.ts";
import { readGraphJson } from "../../src/graphfile/graphFile.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import type { RelationAttributes } from "../../src/model/types.ts";
import { entityAttributes, relationAttributes } from "../helpers/attributes.ts";

/** Generated at this size: large enough for parallel edges, hubs and shared words, quick to build. */
export const SNAPSHOT_GRAPH = { nodes: 2000, edges: 10_000, seed: 5 };

/** The generated graph, written to `dir` and read back as the server would, plus the extra nodes and edges. */
export function snapshotGraph(dir: string): KnowledgeGraph {
  const file = path.join(dir, "generated.json");
  writeGeneratedGraph(generateGraph(SNAPSHOT_GRAPH), file);
  const graph = readGraphJson(file);
  graph.addNode("zelensky", entityAttributes("Володимир Зеленський", "person", { aliases: ["Volodymyr Zelensky"] }));
  graph.addNode("kyiv", entityAttributes("Kyïv", "location", { aliases: ["Київ", "Kiev"] }));
  graph.addNode("café-☕", entityAttributes("Café ☕ Ørsted 🌍", "organization", {}));
  graph.addDirectedEdgeWithKey("z-k", "zelensky", "kyiv", relationAttributes("located_in", { confidence: 0.95 }));
  graph.addDirectedEdgeWithKey("k-k", "kyiv", "kyiv", relationAttributes("related_to", {}));
  const bare = relationAttributes("supports", {}) as Partial<RelationAttributes>;
  delete bare.confidence;
  delete bare.status;
  graph.addDirectedEdgeWithKey("e-z", "café-☕", "zelensky", bare as RelationAttributes);
  graph.addDirectedEdgeWithKey("n0-z", "n0", "zelensky", relationAttributes("opposes", { confidence: 0.3 }));
  return graph;
}

/** Queries drawn from the graph's own labels (whole, first four letters, last word) plus typos and other scripts. */
export function sampleQueries(graph: KnowledgeGraph, count: number): string[] {
  const labels = graph.mapNodes((_node, attributes) => attributes.label);
  const queries = ["зеленськ", "kyiv", "kiev", "cafe", "orsted", "🌍", "zelenksy", "qqqqq", "!!", ""];
  for (let i = 0; queries.length < count; i += 97) {
    const label = labels[i % labels.length];
    queries.push(label, label.slice(0, 4), label.split(" ").pop()!, label.slice(0, -1) + "x");
  }
  return queries;
}
