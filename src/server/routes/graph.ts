/**
 * GET /api/graph: the served graph as a graphology JSON export, cached per graph version.
 */
import { Router } from "express";
import type { ServerContext } from "../context.ts";

/** Routes: GET /api/graph. */
export function graphRoutes(ctx: ServerContext): Router {
  const router = Router();
  // Serialising a large graph costs tens of milliseconds; do it once per graph version.
  let cache: { version: number; body: string } | null = null;
  router.get("/graph", (_req, res) => {
    if (!cache || cache.version !== ctx.store.version) {
      cache = { version: ctx.store.version, body: JSON.stringify(ctx.store.graph.export()) };
    }
    res.type("application/json").set("ETag", `"g${cache.version}"`).send(cache.body);
  });
  return router;
}
