/**
 * GET /api/triples: the relations matching a (subject, predicate, object) pattern, any part omitted.
 */
import { Router } from "express";
import type { KnowledgeGraph } from "../../model/types.ts";
import { pathIndexOf } from "../../paths/index.ts";
import { resolveOrThrow } from "../../query/entities.ts";
import { requireKnownPredicates } from "../../query/predicates.ts";
import { relationView } from "../../query/relations.ts";
import { TriplesQuerySchema } from "../../query/schemas.ts";
import type { ServerContext } from "../context.ts";
import { parseOr400 } from "../../query/errors.ts";

/** Routes: GET /api/triples. */
export function triplesRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/triples", (req, res) => {
    const query = parseOr400(TriplesQuerySchema, req.query, "query");
    const graph = ctx.store.graph;
    const subject = query.subject === undefined ? null : resolveOrThrow(graph, query.subject, "subject");
    const object = query.object === undefined ? null : resolveOrThrow(graph, query.object, "object");
    const predicate =
      query.predicate === undefined ? null : requireKnownPredicates(graph, [query.predicate], "predicate")[0];
    const matches = matchingEdges(graph, subject, predicate, object);
    res.json({
      total: matches.length,
      offset: query.offset,
      triples: matches.slice(query.offset, query.offset + query.limit).map((id) => relationView(graph, id)),
    });
  });
  return router;
}

/** Edge ids matching the pattern, in graph order; starts from the most selective part given. */
function matchingEdges(
  graph: KnowledgeGraph,
  subject: string | null,
  predicate: string | null,
  object: string | null,
): string[] {
  let edges: string[];
  if (subject !== null && object !== null) edges = graph.outEdges(subject, object);
  else if (subject !== null) edges = graph.outEdges(subject);
  else if (object !== null) edges = graph.inEdges(object);
  else if (predicate !== null) return edgesWithPredicate(graph, predicate);
  else return graph.edges();
  return predicate === null ? edges : edges.filter((e) => graph.getEdgeAttribute(e, "predicate") === predicate);
}

/** A scan of the path index's predicate column: no attribute look-ups on large graphs. */
function edgesWithPredicate(graph: KnowledgeGraph, predicate: string): string[] {
  const index = pathIndexOf(graph);
  const p = index.predicateIndex.get(predicate);
  const out: string[] = [];
  for (let e = 0; e < index.edgePredicate.length; e++) if (index.edgePredicate[e] === p) out.push(index.edges[e]);
  return out;
}
