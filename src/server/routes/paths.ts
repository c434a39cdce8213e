/**
 * GET /api/paths: how two entities are connected; the answer is query/paths.ts's, heavy queries go through a queue
 * (and to the path workers, when the server has them).
 */
import { Router } from "express";
import { answerPaths, isHeavyPathsQuery, preparePaths, type PathsAnswer } from "../../query/paths.ts";
import type { ServerContext } from "../context.ts";
import { HeavyQueryQueue } from "../heavyQueries.ts";

/**
 * {@link answerPaths} on the served graph, with heavy queries (mode=all) run through the context's queue: light ones
 * are answered at once, heavy ones on a later event-loop turn — or by a path worker, as ready-made JSON bytes (a
 * Buffer) — or refused with a 503 (Retry-After) when too many wait.
 */
export function answerPathsQueued(
  ctx: ServerContext,
  rawQuery: unknown,
): PathsAnswer | Promise<PathsAnswer> | Promise<Buffer> {
  const graph = ctx.served.graph;
  if (!isHeavyPathsQuery(rawQuery)) return answerPaths(graph, rawQuery, ctx.pathsAnswer);
  const workers = ctx.pathWorkers;
  ctx.heavyQueries ??= new HeavyQueryQueue({ concurrency: workers?.size ?? 1 });
  // Workers that could not start leave the queries to the event loop: slower for everyone, but answered.
  if (!workers?.available) return ctx.heavyQueries.run(() => answerPaths(ctx.served.graph, rawQuery, ctx.pathsAnswer));
  // Checking and resolving the query needs the graph, so it stays here; it is cheap next to the search and the JSON.
  return ctx.heavyQueries.run(() => workers.answer(graph, preparePaths(graph, rawQuery, ctx.pathsAnswer)));
}

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
