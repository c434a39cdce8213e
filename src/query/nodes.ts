/**
 * Node queries: one entity with every attribute and its relations (node detail), one relation with every attribute
 * (edge detail), and an entity's ego graph (neighbours).
 */
import type { z } from "zod";
import type { GraphDocument, KnowledgeGraph } from "../model/types.ts";
import { evidenceDocuments } from "../graph/reporting.ts";
import { DATE_SOURCES } from "../model/documentDate.ts";
import { egoWalk, pathNode } from "../paths/index.ts";
import { requireEntityId } from "./entities.ts";
import { HttpError, parseOr400 } from "./errors.ts";
import { graphEdgeView, graphNodeView, type GraphNodeView } from "./graphViews.ts";
import {
  type GraphEdgeDetailResponseSchema,
  GraphKeyParamsSchema,
  GraphNodeQuerySchema,
  NeighborsQuerySchema,
  NodeParamsSchema,
  type NeighborsResponseSchema,
} from "./schemas.ts";
import type { ServedView } from "./servedView.ts";
import { ownerMap } from "../util/ownerMaps.ts";

/** Body of a GET /api/nodes/:id/neighbors answer. */
export type NeighborsAnswer = z.infer<typeof NeighborsResponseSchema>;

/** Body of a GET /api/graph/edges/:id answer. */
export type EdgeDetailAnswer = z.infer<typeof GraphEdgeDetailResponseSchema>;

// The graph's documents by id, per graph object: a corpus lists thousands, and an edge names a few of them.
const DOCUMENTS = ownerMap<KnowledgeGraph, Map<string, GraphDocument>>();

/** Answers GET /api/graph/nodes/:id from its path parameters and query; 404 when no node has the key. */
export function answerNodeDetail(view: ServedView, rawParams: unknown, rawQuery: unknown): GraphNodeView {
  const { id } = parseOr400(GraphKeyParamsSchema, rawParams, "params");
  const { limit } = parseOr400(GraphNodeQuerySchema, rawQuery, "query");
  if (!view.hasNode(id)) throw missingKey("node", id);
  return graphNodeView(view, id, limit);
}

/**
 * Answers GET /api/graph/edges/:id from its path parameters: the relation and the documents that state it (titled
 * and dated when the graph lists them, else by id); 404 when no edge has the key.
 */
export function answerEdgeDetail(graph: KnowledgeGraph, rawParams: unknown): EdgeDetailAnswer {
  const { id } = parseOr400(GraphKeyParamsSchema, rawParams, "params");
  if (!graph.hasEdge(id)) throw missingKey("edge", id);
  const view = graphEdgeView(graph, id);
  const known = documentsOf(graph);
  const documents = evidenceDocuments(view.attributes.evidence).map((doc) => known.get(doc) ?? { id: doc, title: doc });
  return { ...view, documents };
}

function documentsOf(graph: KnowledgeGraph): Map<string, GraphDocument> {
  let documents = DOCUMENTS.get(graph);
  if (!documents) {
    const listed = graph.getAttribute("documents");
    documents = new Map();
    // A graph read from a foreign file may list documents loosely: only well-formed fields are passed on.
    for (const d of Array.isArray(listed) ? listed : []) {
      if (typeof d?.id !== "string") continue;
      const title = typeof d.title === "string" ? d.title : d.id;
      const dated =
        typeof d.date === "string" && DATE_SOURCES.includes(d.dateSource!)
          ? { date: d.date, dateSource: d.dateSource }
          : {};
      documents.set(d.id, { id: d.id, title, ...dated });
    }
    DOCUMENTS.set(graph, documents);
  }
  return documents;
}

/** 404 for a key the graph does not have (it may have been removed by a review or a rebuild). */
function missingKey(what: "node" | "edge", id: string): HttpError {
  const hint = what === "node" ? "look entities up with /api/search?q=" : "list relations with /api/triples";
  return new HttpError(404, "not_found", `graph: no ${what} has the key "${id}"; ${hint}`, { param: "id" });
}

/** Answers GET /api/nodes/:id/neighbors: the entities within `depth` hops, at most `limit`, and their relations. */
export function answerNeighbors(view: ServedView, rawParams: unknown, rawQuery: unknown): NeighborsAnswer {
  const id = requireEntityId(view, parseOr400(NodeParamsSchema, rawParams, "params").id, "id");
  const { depth, limit } = parseOr400(NeighborsQuerySchema, rawQuery, "query");
  const index = view.pathIndex;
  const { levels, truncated } = egoWalk(index, id, depth, limit);
  const nodes = [...levels].map(([v, d]) => ({ ...pathNode(view, index.nodes[v]), depth: d }));
  const edges = [];
  for (const u of levels.keys()) {
    // Out-edges only, so each relation is listed once.
    for (let i = index.offsets[u]; i < index.split[u]; i++) {
      if (!levels.has(index.neighbor[i])) continue;
      const e = index.edge[i];
      const key = index.edges[e];
      const { predicate, label } = view.edgeAttributesAt(e);
      edges.push({
        id: key,
        source: index.nodes[u],
        target: index.nodes[index.neighbor[i]],
        predicate,
        label: label ?? predicate,
        confidence: index.edgeConfidence[e],
      });
    }
  }
  return { center: id, depth, nodes, edges, truncated };
}
