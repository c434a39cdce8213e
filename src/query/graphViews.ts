/**
 * Graph views: the served graph cut to what the page draws (columns, not one object per element), and the full
 * attributes of one node with its relations or of one relation, which the page fetches when the reader opens them.
 */
import type { z } from "zod";
import type { KnowledgeGraph } from "../model/types.ts";
import type { DrawGraphResponseSchema, GraphEdgeResponseSchema, GraphNodeResponseSchema } from "./schemas.ts";

/** The drawing payload of GET /api/graph?view=draw. */
export type DrawGraph = z.infer<typeof DrawGraphResponseSchema>;

/** GET /api/graph/edges/:id: one relation as in the graphology export. */
export type GraphEdgeView = z.infer<typeof GraphEdgeResponseSchema>;

/** GET /api/graph/nodes/:id: one entity with its relations, as in the graphology export. */
export type GraphNodeView = z.infer<typeof GraphNodeResponseSchema>;

/** Nested maps from each part of a key to the next, ending in an index. */
type KeyTrie = Map<string | null, KeyTrie | number>;

/**
 * Hands out one small integer per distinct tuple of strings, in order of first appearance (dictionary encoding).
 * Tuples are looked up through nested maps rather than a joined string: joining builds a string per element, which
 * took most of the time of a 50,000-edge view.
 */
function dictionary<T>() {
  const root: KeyTrie = new Map();
  const values: T[] = [];
  return {
    values,
    /** The index of `parts`; `make` builds its value the first time (once per distinct tuple, not per element). */
    of(parts: (string | null)[], make: () => T): number {
      let level = root;
      for (let p = 0; p < parts.length - 1; p++) {
        let next = level.get(parts[p]) as KeyTrie | undefined;
        if (!next) level.set(parts[p], (next = new Map()));
        level = next;
      }
      const last = parts[parts.length - 1];
      let i = level.get(last) as number | undefined;
      if (i === undefined) {
        i = values.length;
        level.set(last, i);
        values.push(make());
      }
      return i;
    },
  };
}

/**
 * The drawing payload: node columns (key, label, kind, x, y, size, aliases) and edge columns (key, source and target
 * as node indices, kind, confidence). Types, colours, predicates, labels, statuses, relation kinds, modalities and stances repeat a lot, so
 * each element refers to a kind by index. About a sixth of the full export on the benchmark graph, and the page builds
 * its graph from it without parsing one object per element: evidence, descriptions and qualifiers are fetched on demand.
 */
export function drawGraphView(graph: KnowledgeGraph): DrawGraph {
  const nodeKinds = dictionary<DrawGraph["nodeKinds"][number]>();
  const edgeKinds = dictionary<DrawGraph["edgeKinds"][number]>();
  const position = new Map<string, number>();
  const nodes: DrawGraph["nodes"] = { key: [], label: [], kind: [], x: [], y: [], size: [], aliases: [] };
  graph.forEachNode((key, a) => {
    position.set(key, nodes.key.length);
    nodes.key.push(key);
    nodes.label.push(a.label);
    nodes.kind.push(nodeKinds.of([a.type, a.color], () => ({ type: a.type, color: a.color })));
    nodes.x.push(a.x);
    nodes.y.push(a.y);
    nodes.size.push(a.size);
    nodes.aliases.push(a.aliases?.length ? a.aliases : null);
  });
  const edges: DrawGraph["edges"] = { key: [], source: [], target: [], kind: [], confidence: [] };
  graph.forEachEdge((key, a, source, target) => {
    edges.key.push(key);
    edges.source.push(position.get(source)!);
    edges.target.push(position.get(target)!);
    const label = a.label ?? a.predicate;
    const status = a.status ?? null;
    const relationKind = a.kind ?? null;
    // How the text commits to the relation is drawn too: the hover says "proposed", not only the predicate.
    const modality = a.modality ?? null;
    const stance = a.stance ?? null;
    const kind = edgeKinds.of([a.predicate, label, status, relationKind, modality, stance], () => ({
      predicate: a.predicate,
      label,
      status,
      kind: relationKind,
      modality,
      stance,
    }));
    edges.kind.push(kind);
    edges.confidence.push(typeof a.confidence === "number" ? a.confidence : null);
  });
  return { view: "draw", nodeKinds: nodeKinds.values, edgeKinds: edgeKinds.values, nodes, edges };
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
