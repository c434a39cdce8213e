/**
 * GET /api/search: entities ranked by match on label and aliases.
 */
import { Router } from "express";
import { searchEntities } from "../../search/index.ts";
import { SearchQuerySchema } from "../api/schemas.ts";
import type { ServerContext } from "../context.ts";
import { parseOr400 } from "../errors.ts";

/** Routes: GET /api/search. */
export function searchRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/search", (req, res) => {
    const { q, limit, type } = parseOr400(SearchQuerySchema, req.query, "query");
    res.json({ q, hits: searchEntities(ctx.store.graph, q, { limit, types: type ? [type] : null }) });
  });
  return router;
}
