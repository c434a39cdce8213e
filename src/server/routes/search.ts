/**
 * GET /api/search: entities ranked by match on label and aliases; the answer is query/search.ts's.
 */
import { Router } from "express";
import { answerSearch } from "../../query/search.ts";
import { answerViewOf } from "../answerView.ts";
import type { ServerContext } from "../context.ts";

/** Routes: GET /api/search. */
export function searchRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/search", (req, res) => {
    res.json(answerSearch(answerViewOf(ctx), req.query));
  });
  return router;
}
