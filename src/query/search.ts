/**
 * Search query: entities ranked by match on label and aliases, or failing any a few typos away — the answer of GET
 * /api/search.
 */
import type { z } from "zod";
import type { KnowledgeGraph } from "../model/types.ts";
import { findEntities } from "../search/index.ts";
import { parseOr400 } from "./errors.ts";
import { SearchQuerySchema, type SearchResponseSchema } from "./schemas.ts";

/** Body of a GET /api/search answer. */
export type SearchAnswer = z.infer<typeof SearchResponseSchema>;

/** Answers a search given as the parsed query string (`{ q, limit, type }`); throws a 400 HttpError on a bad query. */
export function answerSearch(graph: KnowledgeGraph, rawQuery: unknown): SearchAnswer {
  const { q, limit, type } = parseOr400(SearchQuerySchema, rawQuery, "query");
  return { q, hits: findEntities(graph, q, { limit, types: type ? [type] : null }) };
}
