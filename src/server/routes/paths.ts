/**
 * GET /api/paths: how two entities are connected — the k shortest paths or all simple paths, every hop with evidence.
 * {@link answerPaths} is the whole route; the hot dispatcher (server/hot/) calls it too, without Express.
 */
import { Router } from "express";
import { DEFAULT_PATH_OPTIONS, findPaths, pathNode } from "../../paths/index.ts";
import { resolveOrThrow } from "../api/entities.ts";
import { requireKnownPredicates } from "../api/predicates.ts";
import { PathsQuerySchema, type PathsResponseSchema } from "../api/schemas.ts";
import type { ServerContext } from "../context.ts";
import { parseOr400 } from "../errors.ts";
import type { z } from "zod";

/** Tunables of the paths route. */
export interface PathsRouteOptions {
  /**
   * Wall-clock budget of one query. Keeps any request from holding the event loop much longer than this; a cut-short
   * search answers `truncated: true`.
   */
  timeBudgetMs: number;
}

export const DEFAULT_PATHS_ROUTE_OPTIONS: PathsRouteOptions = { timeBudgetMs: DEFAULT_PATH_OPTIONS.timeBudgetMs };

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
  const { timeBudgetMs } = { ...DEFAULT_PATHS_ROUTE_OPTIONS, ...options };
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
  return { from: pathNode(graph, from), to: pathNode(graph, to), paths, truncated };
}

/** Routes: GET /api/paths. */
export function pathsRoutes(ctx: ServerContext, options: Partial<PathsRouteOptions> = {}): Router {
  const router = Router();
  router.get("/paths", (req, res) => {
    res.json(answerPaths(ctx, req.query, options));
  });
  return router;
}
