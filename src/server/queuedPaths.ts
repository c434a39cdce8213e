/**
 * Path answers through the heavy-query queue: what GET /api/paths answers, shared by the hot route (hot/index.ts) and
 * the Express one (routes/paths.ts), kept apart from both so that the hot route loads without Express.
 */
import { answerPaths, filtersRelations, isHeavyPathsQuery, preparePaths, type PathsAnswer } from "../query/paths.ts";
import { answerViewOf, graphOf } from "./answerView.ts";
import type { ServerContext } from "./context.ts";
import { HeavyQueryQueue } from "./heavyQueries.ts";

/**
 * {@link answerPaths} on the served view (the snapshot's until the graph is built; a query with a time window or
 * minimum support waits for the graph), with heavy queries (mode=all) run through the context's queue: light ones
 * are answered at once, heavy ones on a later event-loop turn — or by a path worker, as ready-made JSON bytes (a
 * Buffer) — or refused with a 503 (Retry-After) when too many wait.
 */
export function answerPathsQueued(
  ctx: ServerContext,
  rawQuery: unknown,
): PathsAnswer | Buffer | Promise<PathsAnswer | Buffer> {
  const view = answerViewOf(ctx);
  if (!view.filtersRelations && filtersRelations(rawQuery))
    return graphOf(ctx).then(() => answerPathsQueued(ctx, rawQuery));
  if (!isHeavyPathsQuery(rawQuery)) return answerPaths(view, rawQuery, ctx.pathsAnswer);
  const workers = ctx.pathWorkers;
  ctx.heavyQueries ??= new HeavyQueryQueue({ concurrency: workers?.size ?? 1 });
  // Workers that could not start leave the queries to the event loop: slower for everyone, but answered.
  if (!workers?.available) return ctx.heavyQueries.run(() => answerPaths(answerViewOf(ctx), rawQuery, ctx.pathsAnswer));
  // Checking and resolving the query needs the graph, so it stays here; it is cheap next to the search and the JSON.
  return ctx.heavyQueries.run(() => workers.answer(view, preparePaths(view, rawQuery, ctx.pathsAnswer)));
}
