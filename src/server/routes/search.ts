/**
 * GET /api/search: entities ranked by match on label and aliases.
 * {@link answerSearch} is the whole route; the hot dispatcher (server/hot/) calls it too, without Express.
 */
import { Router } from "express";
import type { z } from "zod";
import { searchEntities } from "../../search/index.ts";
import { SearchQuerySchema, type SearchResponseSchema } from "../../query/schemas.ts";
import type { ServerContext } from "../context.ts";
import { parseOr400 } from "../../query/errors.ts";

/** Body of a GET /api/search answer. */
export type SearchAnswer = z.infer<typeof SearchResponseSchema>;

/** Answers a search given as the parsed query string (`{ q, limit, type }`); throws a 400 HttpError on a bad query. */
export function answerSearch(ctx: ServerContext, rawQuery: unknown): SearchAnswer {
  const { q, limit, type } = parseOr400(SearchQuerySchema, rawQuery, "query");
  return { q, hits: searchEntities(ctx.store.graph, q, { limit, types: type ? [type] : null }) };
}

/** Routes: GET /api/search. */
export function searchRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/search", (req, res) => {
    res.json(answerSearch(ctx, req.query));
  });
  return router;
}
