/**
 * Path description: turns a path of index positions into entities, hops with evidence, and a sentence chain.
 */
import type { EntityAttributes, KnowledgeGraph, RelationAttributes } from "../model/types.ts";
import type { PathIndex } from "./pathIndex.ts";
import type { PathEdge, PathNode, PathResult } from "./types.ts";
import type { RawPath } from "./walk.ts";

/**
 * Where a description reads entity and relation attributes: the graph itself, its snapshot, or (in a path worker, which
 * has only the index) a cache of the attributes the main thread sent for the paths found. Relations are asked for by
 * index position, which the search found them at: a snapshot reads an edge's record by position, and a map from
 * millions of edge ids to positions would cost seconds to build.
 */
export interface AttributeSource {
  getNodeAttributes(id: string): EntityAttributes;
  /** The attributes of the relation at index position `e` (whose id is `index.edges[e]`). */
  edgeAttributesAt(e: number): RelationAttributes;
}

/** A graphology graph as an {@link AttributeSource}, relations found through its path index `index`. */
export function graphAttributes(graph: KnowledgeGraph, index: PathIndex): AttributeSource {
  return {
    getNodeAttributes: (id) => graph.getNodeAttributes(id),
    edgeAttributesAt: (e) => graph.getEdgeAttributes(index.edges[e]),
  };
}

/** The public form of a path, read from the graph's attributes. */
export function describePath(graph: AttributeSource, index: PathIndex, path: RawPath): PathResult {
  const nodes = path.nodes.map((v) => pathNode(graph, index.nodes[v]));
  const edges = path.edges.map((e, i) => pathEdge(graph, index, e, path.nodes[i]));
  return {
    hops: edges.length,
    confidence: roundConfidence(path.confidence),
    nodes,
    edges,
    text: pathText(nodes, edges),
  };
}

/** An entity as it appears on a path. */
export function pathNode(graph: Pick<AttributeSource, "getNodeAttributes">, id: string): PathNode {
  const { label, type } = graph.getNodeAttributes(id);
  return { id, label: label ?? id, type };
}

/** One hop, walked from node index `from`. */
function pathEdge(graph: AttributeSource, index: PathIndex, e: number, from: number): PathEdge {
  const id = index.edges[e];
  const attributes = graph.edgeAttributesAt(e);
  return {
    id,
    source: index.nodes[index.edgeSource[e]],
    target: index.nodes[index.edgeTarget[e]],
    predicate: attributes.predicate,
    label: attributes.label ?? attributes.predicate,
    direction: index.edgeSource[e] === from ? "forward" : "backward",
    confidence: index.edgeConfidence[e],
    // A foreign graph file may lack these: the hop then says nothing rather than guess.
    ...(attributes.modality ? { modality: attributes.modality } : {}),
    ...(attributes.stance ? { stance: attributes.stance } : {}),
    ...(attributes.status ? { status: attributes.status } : {}),
    ...(attributes.kind ? { kind: attributes.kind } : {}),
    evidence: attributes.evidence ?? [],
  };
}

/**
 * The path as a sentence chain: "A — is skeptical of → B ← is positive about — C". A backward hop keeps the
 * predicate's own wording and turns the arrow, so each relation still reads subject → object.
 */
export function pathText(nodes: PathNode[], edges: PathEdge[]): string {
  let text = nodes[0].label;
  edges.forEach((edge, i) => {
    const next = nodes[i + 1].label;
    text += edge.direction === "forward" ? ` — ${edge.label} → ${next}` : ` ← ${edge.label} — ${next}`;
  });
  return text;
}

// Sums of two-decimal confidences carry float noise (0.97 + 0.85 = 1.8199999999999998).
function roundConfidence(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
