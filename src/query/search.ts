/**
 * Search query: entities ranked by match on label and aliases, or failing any a few typos away — the answer of GET
 * /api/search.
 */
import type { z } from "zod";
import { findInIndex } from "../search/index.ts";
import { parseOr400 } from "./errors.ts";
import { SearchQuerySchema, type SearchResponseSchema } from "./schemas.ts";
import type { ServedView } from "./servedView.ts";

/** Body of a GET /api/search answer. */
export type SearchAnswer = z.infer<typeof SearchResponseSchema>;

/** Answers a search given as the parsed query string (`{ q, limit, type }`); throws a 400 HttpError on a bad query. */
export function answerSearch(view: Pick<ServedView, "searchIndex">, rawQuery: unknown): SearchAnswer {
  const { q, limit, type } = parseOr400(SearchQuerySchema, rawQuery, "query");
  return { q, hits: findInIndex(view.searchIndex, q, { limit, types: type ? [type] : null }) };
}
