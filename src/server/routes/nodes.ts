/**
 * GET /api/nodes/:id and /api/nodes/:id/neighbors: an entity with its relations, and its ego graph.
 */
import { Router } from "express";
import type { KnowledgeGraph } from "../../model/types.ts";
import { pathIndexOf, pathNode } from "../../paths/index.ts";
import { requireEntityId } from "../../query/entities.ts";
import { relationView, type RelationView } from "../../query/relations.ts";
import { NeighborsQuerySchema, NodeParamsSchema, NodeQuerySchema } from "../../query/schemas.ts";
import type { ServerContext } from "../context.ts";
import { parseOr400 } from "../../query/errors.ts";

/** Routes: GET /api/nodes/:id, GET /api/nodes/:id/neighbors. */
export function nodesRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/nodes/:id", (req, res) => {
    const graph = ctx.store.graph;
    const id = requireEntityId(graph, parseOr400(NodeParamsSchema, req.params, "params").id, "id");
    const { limit } = parseOr400(NodeQuerySchema, req.query, "query");
    res.json({ node: { id, ...graph.getNodeAttributes(id) }, relations: relationsByPredicate(graph, id, limit) });
  });
  router.get("/nodes/:id/neighbors", (req, res) => {
    const graph = ctx.store.graph;
    const id = requireEntityId(graph, parseOr400(NodeParamsSchema, req.params, "params").id, "id");
    const { depth, limit } = parseOr400(NeighborsQuerySchema, req.query, "query");
    res.json(egoGraph(graph, id, depth, limit));
  });
  return router;
}

type GroupedRelation = RelationView & { direction: "outgoing" | "incoming" };

/**
 * The entity's relations grouped by predicate (groups in order of first appearance), outgoing before incoming; at
 * most `limit` listed per group so a hub's answer stays small, `count` has them all.
 */
function relationsByPredicate(graph: KnowledgeGraph, id: string, limit: number) {
  const groups = new Map<string, { predicate: string; label: string; count: number; relations: GroupedRelation[] }>();
  const add = (edge: string, predicate: string, direction: GroupedRelation["direction"]) => {
    let group = groups.get(predicate);
    if (!group) {
      // An open relation's label is its own verb phrase: the group is named after the predicate instead.
      const open = graph.getEdgeAttribute(edge, "kind") === "open";
      const label = open ? predicate.replace(/_/g, " ") : (graph.getEdgeAttribute(edge, "label") ?? predicate);
      group = { predicate, label, count: 0, relations: [] };
      groups.set(predicate, group);
    }
    group.count++;
    if (group.relations.length < limit) group.relations.push({ ...relationView(graph, edge), direction });
  };
  graph.forEachOutEdge(id, (edge, attributes) => add(edge, attributes.predicate, "outgoing"));
  graph.forEachInEdge(id, (edge, attributes, source, target) => {
    if (source !== target) add(edge, attributes.predicate, "incoming");
  });
  return [...groups.values()];
}

/** The entities within `depth` hops (either direction), at most `limit`, and every relation between them. */
function egoGraph(graph: KnowledgeGraph, center: string, depth: number, limit: number) {
  const index = pathIndexOf(graph);
  const start = index.nodeIndex.get(center)!;
  const level = new Map<number, number>([[start, 0]]);
  let frontier = [start];
  let truncated = false;
  for (let d = 1; d <= depth && frontier.length > 0 && !truncated; d++) {
    const next: number[] = [];
    for (const u of frontier) {
      for (let i = index.offsets[u]; i < index.offsets[u + 1]; i++) {
        const v = index.neighbor[i];
        if (level.has(v)) continue;
        if (level.size >= limit) {
          truncated = true;
          break;
        }
        level.set(v, d);
        next.push(v);
      }
    }
    frontier = next;
  }
  const nodes = [...level].map(([v, d]) => ({ ...pathNode(graph, index.nodes[v]), depth: d }));
  const edges = [];
  for (const u of level.keys()) {
    // Out-edges only, so each relation is listed once.
    for (let i = index.offsets[u]; i < index.split[u]; i++) {
      if (!level.has(index.neighbor[i])) continue;
      const e = index.edge[i];
      const key = index.edges[e];
      const { predicate, label } = graph.getEdgeAttributes(key);
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
  return { center, depth, nodes, edges, truncated };
}
