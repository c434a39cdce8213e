/**
 * GET /api/health: liveness plus the size of the served graph and the state of its data.
 */
import { Router } from "express";
import type { ServerContext } from "../context.ts";

/** Routes: GET /api/health. */
export function healthRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/health", (_req, res) => {
    const { graph, status } = ctx.served;
    res.json({
      status: status.type === "ok" ? "ok" : "degraded",
      nodes: graph.order,
      edges: graph.size,
      version: ctx.served.version,
      ...(status.type === "error" ? { dataError: status.message } : {}),
    });
  });
  return router;
}
