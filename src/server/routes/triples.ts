/**
 * GET /api/triples: the relations matching a (subject, predicate, object) pattern; the answer is query/triples.ts's.
 */
import { Router } from "express";
import { answerTriples } from "../../query/triples.ts";
import type { ServerContext } from "../context.ts";

/** Routes: GET /api/triples. */
export function triplesRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/triples", (req, res) => {
    res.json(answerTriples(ctx.served.graph, req.query));
  });
  return router;
}
