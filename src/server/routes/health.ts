/**
 * GET /api/health: liveness plus the size of the served graph, whether it is built yet, the state of its data, and
 * for a read replica the snapshot it serves.
 */
import { Router } from "express";
import { answerViewOf } from "../answerView.ts";
import type { ServerContext } from "../context.ts";

/** Routes: GET /api/health. */
export function healthRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/health", (_req, res) => {
    const { ready, status } = ctx.served;
    // Counted on the view: the snapshot's while the graph is built, whose size it is.
    const view = answerViewOf(ctx);
    res.json({
      status: status.type === "ok" ? "ok" : "degraded",
      nodes: view.order,
      edges: view.size,
      graph: ready ? "ready" : status.type === "error" ? "failed" : "building",
      version: ctx.served.version,
      ...(status.type === "error" ? { dataError: status.message } : {}),
      ...(ctx.servedSnapshot ? { snapshot: ctx.servedSnapshot() } : {}),
    });
  });
  return router;
}
