/**
 * GET /api/paths: how two entities are connected; the answer is query/paths.ts's, heavy queries go through a queue
 * (and to the path workers, when the server has them): see ../queuedPaths.ts.
 */
import { Router } from "express";
import type { ServerContext } from "../context.ts";
import { answerPathsQueued } from "../queuedPaths.ts";

/** Routes: GET /api/paths. */
export function pathsRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/paths", async (req, res) => {
    const answer = await answerPathsQueued(ctx, req.query);
    if (Buffer.isBuffer(answer)) res.type("application/json; charset=utf-8").send(answer);
    else res.json(answer);
  });
  return router;
}
