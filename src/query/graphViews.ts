/**
 * Graph views: the served graph cut to what the page draws (columns, not one object per element), and the full
 * attributes of one node with its relations or of one relation, which the page fetches when the reader opens them.
 */
import type { z } from "zod";
import type { KnowledgeGraph } from "../model/types.ts";
import { drawColumns, type DrawGraph } from "./drawColumns.ts";
import type { GraphEdgeResponseSchema, GraphNodeResponseSchema } from "./schemas.ts";

export type { DrawGraph } from "./drawColumns.ts";

/** GET /api/graph/edges/:id: one relation as in the graphology export. */
export type GraphEdgeView = z.infer<typeof GraphEdgeResponseSchema>;

/** GET /api/graph/nodes/:id: one entity with its relations, as in the graphology export. */
export type GraphNodeView = z.infer<typeof GraphNodeResponseSchema>;

/**
 * The drawing payload: node columns (key, label, kind, x, y, size, aliases) and edge columns (key, source and target
 * as node indices, kind, confidence). Types, colours, predicates, labels, statuses, relation kinds, modalities and stances repeat a lot, so
 * each element refers to a kind by index. About a sixth of the full export on the benchmark graph, and the page builds
 * its graph from it without parsing one object per element: evidence, descriptions and qualifiers are fetched on demand.
 */
export function drawGraphView(graph: KnowledgeGraph): DrawGraph {
  const columns = drawColumns();
  graph.forEachNode((key, a) => columns.node(key, a));
  graph.forEachEdge((key, a, source, target) => columns.edge(key, a, source, target));
  return columns.result();
}

/** Relation `key` with its ends and every attribute (evidence, qualifiers, status…). */
export function graphEdgeView(graph: KnowledgeGraph, key: string): GraphEdgeView {
  return {
    key,
    source: graph.source(key),
    target: graph.target(key),
    attributes: graph.getEdgeAttributes(key) as unknown as GraphEdgeView["attributes"],
  };
}

/** Entity `key` with every attribute and at most `limit` of its relations (out-edges first); `degree` counts all. */
export function graphNodeView(graph: KnowledgeGraph, key: string, limit: number): GraphNodeView {
  const edges: GraphEdgeView[] = [];
  let degree = 0;
  const take = (edge: string) => {
    degree++;
    if (edges.length < limit) edges.push(graphEdgeView(graph, edge));
  };
  graph.forEachOutEdge(key, take);
  // A self-loop is both an out- and an in-edge: list it once.
  graph.forEachInEdge(key, (edge, _a, source) => {
    if (source !== key) take(edge);
  });
  return {
    key,
    attributes: graph.getNodeAttributes(key) as unknown as GraphNodeView["attributes"],
    degree,
    edges,
    truncated: edges.length < degree,
  };
}
