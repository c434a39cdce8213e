/**
 * Relation filter parameters: `since`, `until` and `minSupport` as they arrive in a URL or on a command line, shared
 * by every request schema that filters relations (graph, paths, triples, export).
 */
import { z } from "zod";
import { isCalendarDate } from "../model/calendarDate.ts";
import type { RelationFilter } from "./relationFilter.ts";

/** Largest `minSupport` accepted: far above any corpus, low enough to stay a safe integer. */
export const MAX_MIN_SUPPORT = 1_000_000;

/** An inclusive window bound: a real `YYYY-MM-DD` day. */
function dayParam(name: "since" | "until", what: string) {
  const message = `${name} must be a day written YYYY-MM-DD, e.g. 2022-03-15`;
  return z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: message, abort: true })
    .refine(isCalendarDate, { error: `${name} is not a calendar date; give a real day, e.g. 2024-02-29` })
    .optional()
    .describe(what);
}

const SUPPORT_MESSAGE = `minSupport must be a whole number from 1 to ${MAX_MIN_SUPPORT}`;

/** The parameters' zod shape, to spread into a request schema (then add {@link checkWindowOrder}). */
export const RELATION_FILTER_PARAMS = {
  since: dayParam("since", "only relations stated by a document dated on or after this day (YYYY-MM-DD)"),
  until: dayParam("until", "only relations stated by a document dated on or before this day (YYYY-MM-DD)"),
  minSupport: z
    .string({ error: SUPPORT_MESSAGE })
    .regex(/^\d{1,7}$/, { error: SUPPORT_MESSAGE })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: SUPPORT_MESSAGE }).max(MAX_MIN_SUPPORT, { error: SUPPORT_MESSAGE }))
    .optional()
    .describe("only relations stated by at least this many distinct documents"),
};

/** The parsed parameters. */
export interface RelationFilterParams {
  since?: string;
  until?: string;
  minSupport?: number;
}

/** A superRefine check: a window whose end comes before its start is refused, naming `until`. */
export function checkWindowOrder(query: RelationFilterParams, ctx: z.RefinementCtx): void {
  if (query.since && query.until && query.until < query.since)
    ctx.addIssue({
      code: "custom",
      path: ["until"],
      message: `until (${query.until}) is before since (${query.since}); give a window that ends on or after it starts`,
    });
}

/** The filter the parsed parameters ask for. */
export function relationFilterOf(query: RelationFilterParams): RelationFilter {
  return { since: query.since ?? null, until: query.until ?? null, minSupport: query.minSupport ?? 1 };
}
