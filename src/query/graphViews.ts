/**
 * Graph views: the served graph cut to what the page draws (columns, not one object per element), and the full
 * attributes of one node with its relations or of one relation, which the page fetches when the reader opens them.
 */
import type { z } from "zod";
import type { KnowledgeGraph } from "../model/types.ts";
import { selfLoopsOf } from "../paths/index.ts";
import { drawColumns, type DrawGraph } from "./drawColumns.ts";
import type { GraphEdgeResponseSchema, GraphNodeResponseSchema } from "./schemas.ts";
import type { ServedView } from "./servedView.ts";

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

/**
 * Entity `key` with every attribute and at most `limit` of its relations; `degree` counts all. Relations are read off
 * the path index, in edge order: its out-edges, then its self-loops (which the index's slices leave out), then its
 * in-edges — the same order whether the view is the graph's or its snapshot's.
 */
export function graphNodeView(view: ServedView, key: string, limit: number): GraphNodeView {
  const index = view.pathIndex;
  const v = index.nodeIndex.get(key)!;
  const loops = selfLoopsOf(index).get(v) ?? [];
  const outEnd = index.split[v];
  const edgeAt = (i: number) => (i < outEnd ? index.edge[i] : loops[i - outEnd]);
  const degree = index.offsets[v + 1] - index.offsets[v] + loops.length;
  const edges: GraphEdgeView[] = [];
  for (let i = index.offsets[v]; i < outEnd + loops.length && edges.length < limit; i++)
    edges.push(edgeView(edgeAt(i)));
  for (let i = outEnd; i < index.offsets[v + 1] && edges.length < limit; i++) edges.push(edgeView(index.edge[i]));
  return {
    key,
    attributes: view.getNodeAttributes(key) as unknown as GraphNodeView["attributes"],
    degree,
    edges,
    truncated: edges.length < degree,
  };

  function edgeView(e: number): GraphEdgeView {
    const id = index.edges[e];
    return {
      key: id,
      source: index.nodes[index.edgeSource[e]],
      target: index.nodes[index.edgeTarget[e]],
      attributes: view.edgeAttributesAt(e) as unknown as GraphEdgeView["attributes"],
    };
  }
}
