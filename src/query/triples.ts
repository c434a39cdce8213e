/**
 * Triples query: the relations matching a (subject, predicate, object) pattern, any part omitted, one page of them;
 * optionally only those in one review state (the page's review queue lists the candidates this way).
 */
import type { z } from "zod";
import type { KnowledgeGraph } from "../model/types.ts";
import { isFiltering, relationTest } from "../graph/relationFilter.ts";
import { relationFilterOf } from "../graph/relationFilterQuery.ts";
import { pathIndexOf } from "../paths/index.ts";
import { graphView } from "./servedView.ts";
import { resolveOrThrow } from "./entities.ts";
import { parseOr400 } from "./errors.ts";
import { requireKnownPredicates } from "./predicates.ts";
import { relationView } from "./relations.ts";
import { TriplesQuerySchema, type TriplesResponseSchema } from "./schemas.ts";

/** Body of a GET /api/triples answer. */
export type TriplesAnswer = z.infer<typeof TriplesResponseSchema>;

/** Answers a triples query given as the parsed query string; throws an HttpError (400, 404, 409) on a bad one. */
export function answerTriples(graph: KnowledgeGraph, rawQuery: unknown): TriplesAnswer {
  const query = parseOr400(TriplesQuerySchema, rawQuery, "query");
  const view = graphView(graph);
  const subject = query.subject === undefined ? null : resolveOrThrow(view, query.subject, "subject");
  const object = query.object === undefined ? null : resolveOrThrow(view, query.object, "object");
  const predicate =
    query.predicate === undefined ? null : requireKnownPredicates(view.pathIndex, [query.predicate], "predicate")[0];
  const filter = relationFilterOf(query);
  const keep = isFiltering(filter) ? relationTest(graph, filter) : null;
  const pattern = matchingEdges(graph, subject, predicate, object);
  const matches =
    query.status === undefined && !keep
      ? pattern
      : pattern.filter((e) => {
          const attributes = graph.getEdgeAttributes(e);
          return (query.status === undefined || attributes.status === query.status) && (!keep || keep(attributes));
        });
  return {
    total: matches.length,
    offset: query.offset,
    triples: matches.slice(query.offset, query.offset + query.limit).map((id) => relationView(graph, id)),
  };
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
