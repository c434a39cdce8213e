/**
 * GET /api/nodes/:id/neighbors: an entity's ego graph; the answer is query/nodes.ts's.
 */
import { Router } from "express";
import { answerNeighbors } from "../../query/nodes.ts";
import type { ServerContext } from "../context.ts";

/** Routes: GET /api/nodes/:id/neighbors. */
export function nodesRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/nodes/:id/neighbors", (req, res) => {
    res.json(answerNeighbors(ctx.served.graph, req.params, req.query));
  });
  return router;
}
