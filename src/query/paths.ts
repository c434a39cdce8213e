/**
 * Paths query: how two entities are connected — the answer of GET /api/paths and of `kg path`.
 */
import type { z } from "zod";
import { relationFilterOf } from "../graph/relationFilterQuery.ts";
import {
  DEFAULT_PATH_OPTIONS,
  describeSearch,
  pathNode,
  planPaths,
  searchPlan,
  type AttributeSource,
  type PathIndex,
  type PathPlan,
  type RawPathSearch,
} from "../paths/index.ts";
import { resolveOrThrow } from "./entities.ts";
import { parseOr400 } from "./errors.ts";
import { requireKnownPredicates } from "./predicates.ts";
import { PathsQuerySchema, type PathsResponseSchema } from "./schemas.ts";
import type { ServedView } from "./servedView.ts";

/** Tunables of {@link answerPaths}. */
export interface PathsAnswerOptions {
  /**
   * Wall-clock budget of one query. Keeps any request from holding the event loop much longer than this; a cut-short
   * search answers `truncated: true`.
   */
  timeBudgetMs: number;
  /** Largest answer, in JSON characters; paths beyond it are dropped and the answer says `truncated: true`. */
  maxAnswerChars: number;
}

export const DEFAULT_PATHS_ANSWER_OPTIONS: PathsAnswerOptions = {
  timeBudgetMs: DEFAULT_PATH_OPTIONS.timeBudgetMs,
  maxAnswerChars: 1_000_000,
};

/** Body of a GET /api/paths answer. */
export type PathsAnswer = z.infer<typeof PathsResponseSchema>;

/**
 * A paths query checked, resolved and compiled against the graph it is answered on. Plain data over the graph's path
 * index, so a worker thread holding that (shared) index can run the search and describe what it found.
 */
export interface PreparedPaths {
  /** The two entities' ids. */
  from: string;
  to: string;
  plan: PathPlan;
  maxAnswerChars: number;
}

/**
 * Answers a paths query given as the parsed query string (`{ from, to, k, … }`, values as sent). Throws an HttpError
 * (400 bad query or unknown predicate, 404 unknown entity, 409 ambiguous name).
 */
export function answerPaths(
  view: ServedView,
  rawQuery: unknown,
  options: Partial<PathsAnswerOptions> = {},
): PathsAnswer {
  const index = view.pathIndex;
  const started = performance.now();
  const prepared = preparePaths(view, rawQuery, options);
  return answerSearchedPaths(view, index, prepared, searchPlan(index, prepared.plan, started), started);
}

/**
 * The first step of {@link answerPaths}: everything that needs the graph's attributes before the search. A query with
 * a time window or minimum support needs a view that `filtersRelations` (see {@link filtersRelations}).
 */
export function preparePaths(
  view: ServedView,
  rawQuery: unknown,
  options: Partial<PathsAnswerOptions> = {},
): PreparedPaths {
  const { timeBudgetMs, maxAnswerChars } = { ...DEFAULT_PATHS_ANSWER_OPTIONS, ...options };
  const query = parseOr400(PathsQuerySchema, rawQuery, "query");
  const from = resolveOrThrow(view, query.from, "from");
  const to = resolveOrThrow(view, query.to, "to");
  const index = view.pathIndex;
  const predicates = query.predicates ? requireKnownPredicates(index, query.predicates, "predicates") : null;
  const exclude = (query.exclude ?? []).map((text) => resolveOrThrow(view, text, "exclude"));
  const plan = planPaths(view.planFacts(), index, from, to, {
    k: query.k,
    maxHops: query.maxHops,
    directed: query.directed,
    predicates,
    exclude,
    types: query.types ?? null,
    candidates: query.candidates,
    minConfidence: query.minConfidence,
    // The walk keeps to the relations the window and minSupport leave; names still resolve on the whole graph.
    relations: relationFilterOf(query),
    mode: query.mode,
    limit: query.limit,
    timeBudgetMs,
  });
  return { from, to, plan, maxAnswerChars };
}

/**
 * The last step of {@link answerPaths}: the answer from what the search (`raw`, begun at `started`) found, read from
 * `attributes` and cut to the size cap. A path worker runs it on the attributes the main thread sent it.
 */
export function answerSearchedPaths(
  attributes: AttributeSource,
  index: PathIndex,
  prepared: PreparedPaths,
  raw: RawPathSearch,
  started: number,
): PathsAnswer {
  const { paths, truncated } = describeSearch(attributes, index, raw, started + prepared.plan.options.timeBudgetMs);
  const answer = { from: pathNode(attributes, prepared.from), to: pathNode(attributes, prepared.to), paths, truncated };
  return capAnswer(answer, prepared.maxAnswerChars);
}

/**
 * Whether a raw query filters relations by a time window or minimum support: what a view that does not
 * `filtersRelations` (the snapshot's) leaves to the graph. Read from the raw names, before the query is checked.
 */
export function filtersRelations(rawQuery: unknown): boolean {
  const query = rawQuery as Record<string, unknown> | null;
  return query?.since !== undefined || query?.until !== undefined || query?.minSupport !== undefined;
}

/** Whether a raw query asks for an enumeration of every path (mode=all), the kind a server queues. */
export function isHeavyPathsQuery(rawQuery: unknown): boolean {
  return (rawQuery as { mode?: unknown } | null)?.mode === "all";
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
