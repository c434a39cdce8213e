/**
 * GET /api/paths: how two entities are connected; the answer is query/paths.ts's, heavy queries go through a queue.
 */
import { Router } from "express";
import { answerPaths, isHeavyPathsQuery, type PathsAnswer } from "../../query/paths.ts";
import type { ServerContext } from "../context.ts";
import { HeavyQueryQueue } from "../heavyQueries.ts";

/**
 * {@link answerPaths} on the served graph, with heavy queries (mode=all) run through the context's queue: light ones
 * are answered at once, heavy ones on a later event-loop turn, or refused with a 503 (Retry-After) when too many wait.
 */
export function answerPathsQueued(ctx: ServerContext, rawQuery: unknown): PathsAnswer | Promise<PathsAnswer> {
  if (!isHeavyPathsQuery(rawQuery)) return answerPaths(ctx.served.graph, rawQuery);
  ctx.heavyQueries ??= new HeavyQueryQueue();
  return ctx.heavyQueries.run(() => answerPaths(ctx.served.graph, rawQuery));
}

/** Routes: GET /api/paths. */
export function pathsRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/paths", async (req, res) => {
    res.json(await answerPathsQueued(ctx, req.query));
  });
  return router;
}
