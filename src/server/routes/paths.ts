/**
 * GET /api/paths: how two entities are connected — the k shortest paths or all simple paths, every hop with evidence.
 * {@link answerPaths} is the whole route; the hot dispatcher (server/hot/) calls it too, without Express.
 */
import { Router } from "express";
import { DEFAULT_PATH_OPTIONS, findPaths, pathNode } from "../../paths/index.ts";
import { resolveOrThrow } from "../../query/entities.ts";
import { requireKnownPredicates } from "../../query/predicates.ts";
import { PathsQuerySchema, type PathsResponseSchema } from "../../query/schemas.ts";
import type { ServerContext } from "../context.ts";
import { parseOr400 } from "../../query/errors.ts";
import { HeavyQueryQueue } from "../heavyQueries.ts";
import type { z } from "zod";

/** Tunables of the paths route. */
export interface PathsRouteOptions {
  /**
   * Wall-clock budget of one query. Keeps any request from holding the event loop much longer than this; a cut-short
   * search answers `truncated: true`.
   */
  timeBudgetMs: number;
  /** Largest answer, in JSON characters; paths beyond it are dropped and the answer says `truncated: true`. */
  maxAnswerChars: number;
}

export const DEFAULT_PATHS_ROUTE_OPTIONS: PathsRouteOptions = {
  timeBudgetMs: DEFAULT_PATH_OPTIONS.timeBudgetMs,
  maxAnswerChars: 1_000_000,
};

/** Body of a GET /api/paths answer. */
export type PathsAnswer = z.infer<typeof PathsResponseSchema>;

/**
 * Answers a paths query given as the parsed query string (`{ from, to, k, … }`, values as sent). Throws an HttpError
 * (400 bad query, 404 unknown entity, 409 ambiguous name) that the caller turns into the JSON error answer.
 */
export function answerPaths(
  ctx: ServerContext,
  rawQuery: unknown,
  options: Partial<PathsRouteOptions> = {},
): PathsAnswer {
  const { timeBudgetMs, maxAnswerChars } = { ...DEFAULT_PATHS_ROUTE_OPTIONS, ...options };
  const query = parseOr400(PathsQuerySchema, rawQuery, "query");
  const graph = ctx.store.graph;
  const from = resolveOrThrow(graph, query.from, "from");
  const to = resolveOrThrow(graph, query.to, "to");
  const predicates = query.predicates ? requireKnownPredicates(graph, query.predicates, "predicates") : null;
  const exclude = (query.exclude ?? []).map((text) => resolveOrThrow(graph, text, "exclude"));
  const { paths, truncated } = findPaths(graph, from, to, {
    k: query.k,
    maxHops: query.maxHops,
    directed: query.directed,
    predicates,
    exclude,
    minConfidence: query.minConfidence,
    mode: query.mode,
    limit: query.limit,
    timeBudgetMs,
  });
  const answer = { from: pathNode(graph, from), to: pathNode(graph, to), paths, truncated };
  return capAnswer(answer, maxAnswerChars);
}

/** Whether a raw query asks for an enumeration of every path (mode=all), the kind that goes through the queue. */
export function isHeavyPathsQuery(rawQuery: unknown): boolean {
  return (rawQuery as { mode?: unknown } | null)?.mode === "all";
}

/**
 * {@link answerPaths}, with heavy queries (mode=all) run through the context's queue: light ones are answered at
 * once, heavy ones on a later event-loop turn, or refused with a 503 (Retry-After) when too many wait.
 */
export function answerPathsQueued(
  ctx: ServerContext,
  rawQuery: unknown,
  options: Partial<PathsRouteOptions> = {},
): PathsAnswer | Promise<PathsAnswer> {
  if (!isHeavyPathsQuery(rawQuery)) return answerPaths(ctx, rawQuery, options);
  ctx.heavyQueries ??= new HeavyQueryQueue();
  return ctx.heavyQueries.run(() => answerPaths(ctx, rawQuery, options));
}

/** Drops the paths that would take the answer past `maxChars` of JSON (shortest paths come first and stay). */
function capAnswer(answer: PathsAnswer, maxChars: number): PathsAnswer {
  let size = JSON.stringify({ ...answer, paths: [] }).length;
  for (let i = 0; i < answer.paths.length; i++) {
    size += JSON.stringify(answer.paths[i]).length + 1;
    if (size > maxChars) return { ...answer, paths: answer.paths.slice(0, i), truncated: true };
  }
  return answer;
}

/** Routes: GET /api/paths. */
export function pathsRoutes(ctx: ServerContext, options: Partial<PathsRouteOptions> = {}): Router {
  const router = Router();
  router.get("/paths", async (req, res) => {
    res.json(await answerPathsQueued(ctx, req.query, options));
  });
  return router;
}
