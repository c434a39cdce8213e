/**
 * GET /api/nodes/:id/neighbors: an entity's ego graph; the answer is query/nodes.ts's.
 */
import { Router } from "express";
import { answerNeighbors } from "../../query/nodes.ts";
import { answerViewOf } from "../answerView.ts";
import type { ServerContext } from "../context.ts";

/** Routes: GET /api/nodes/:id/neighbors. */
export function nodesRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/nodes/:id/neighbors", (req, res) => {
    res.json(answerNeighbors(answerViewOf(ctx), req.params, req.query));
  });
  return router;
}
