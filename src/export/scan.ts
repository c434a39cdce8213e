/**
 * Column scan: one pass over a graph's nodes and edges to declare their attribute columns before writing them.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { ColumnCollector, DERIVED_EDGE_KEYS, EDGE_COLUMN_SEED, NODE_COLUMN_SEED } from "./columns.ts";
import type { Column } from "./types.ts";
import { withEvidenceColumns } from "./values.ts";
import { yieldToEventLoop } from "../util/yieldToEventLoop.ts";

/** The declared columns of a graph. */
export interface GraphColumns {
  nodes: Column[];
  edges: Column[];
}

/** Keys each format writes in its own fields rather than as columns. */
export interface ScanOptions {
  nodeFields: string[];
  edgeFields: string[];
  /** Elements scanned between two yields to the event loop. */
  yieldEvery: number;
}

/**
 * Scans every node and edge (edges with the columns derived from evidence) and returns the typed columns. Yields
 * to the event loop every `yieldEvery` elements, so a scan of a large graph does not stall the server.
 */
export async function scanColumns(graph: KnowledgeGraph, options: ScanOptions): Promise<GraphColumns> {
  const nodes = new ColumnCollector(NODE_COLUMN_SEED, options.nodeFields);
  const edges = new ColumnCollector(EDGE_COLUMN_SEED, options.edgeFields, DERIVED_EDGE_KEYS);
  let count = 0;
  for (const { attributes } of graph.nodeEntries()) {
    nodes.observe(attributes);
    if (++count % options.yieldEvery === 0) await yieldToEventLoop();
  }
  for (const { attributes } of graph.edgeEntries()) {
    edges.observe(withEvidenceColumns(attributes));
    if (++count % options.yieldEvery === 0) await yieldToEventLoop();
  }
  return { nodes: nodes.columns(), edges: edges.columns() };
}
