/**
 * Relation views: one edge of the graph as the API shows it, with both ends, its label and its evidence.
 */
import { isRelationKind } from "../model/relationKind.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { pathNode } from "../paths/index.ts";
import type { z } from "zod";
import type { RelationResponseSchema } from "./schemas.ts";

/** A relation in the shape of {@link RelationResponseSchema}. */
export type RelationView = z.infer<typeof RelationResponseSchema>;

/** The API view of edge `id`. */
export function relationView(graph: KnowledgeGraph, id: string): RelationView {
  const attributes = graph.getEdgeAttributes(id);
  return {
    id,
    subject: pathNode(graph, graph.source(id)),
    predicate: attributes.predicate,
    label: attributes.label ?? attributes.predicate,
    object: pathNode(graph, graph.target(id)),
    confidence: attributes.confidence,
    ...(attributes.stance ? { stance: attributes.stance } : {}),
    ...(attributes.modality ? { modality: attributes.modality } : {}),
    ...(attributes.status ? { status: attributes.status } : {}),
    ...(isRelationKind(attributes.kind) ? { kind: attributes.kind } : {}),
    ...(typeof attributes.wikidata === "string" ? { wikidata: attributes.wikidata } : {}),
    ...(typeof attributes.support === "number" ? { support: attributes.support } : {}),
    ...(typeof attributes.firstReported === "string" ? { firstReported: attributes.firstReported } : {}),
    ...(typeof attributes.lastReported === "string" ? { lastReported: attributes.lastReported } : {}),
    evidence: attributes.evidence ?? [],
  };
}
