/**
 * Timeline window: the days the page shows relations from (`since` and `until`, inclusive; null leaves that side
 * open) and how many documents must state a relation (`minSupport`), kept within the documents' span, written as query
 * parameters, and stepped through by "play".
 */
import { isCalendarDate } from "../../src/model/calendarDate.ts";

/**
 * The page's time window and minimum support; both days null and `minSupport` 1 shows every relation (the unfiltered
 * graph). The two travel together because every query that filters relations takes both, as the API does.
 */
export interface TimeWindow {
  since: string | null;
  until: string | null;
  /** Relations stated by fewer distinct documents are left out; 1 keeps every relation. */
  minSupport: number;
}

/** The window that leaves nothing out. */
export const OPEN_WINDOW: TimeWindow = { since: null, until: null, minSupport: 1 };

/** The first and last document days. */
export interface DaySpan {
  first: string;
  last: string;
}

/** Whether `window` leaves anything out (by day or by support). */
export function isWindowed(window: TimeWindow): boolean {
  return window.since !== null || window.until !== null || window.minSupport > 1;
}

/** Whether two windows are the same. */
export function sameWindow(a: TimeWindow, b: TimeWindow): boolean {
  return a.since === b.since && a.until === b.until && a.minSupport === b.minSupport;
}

/** A minimum support made valid: a whole number of at least 1 (1 for anything else). */
export function validSupport(value: number): number {
  return Number.isSafeInteger(value) && value >= 1 ? value : 1;
}

/**
 * The minimum supports the page offers for `documents` documents: 1 up to the documents (no relation can have more),
 * at most `most` of them, and `current` too when a shared link asks for more. One choice alone offers nothing.
 */
export function supportChoices(documents: number, current: number, most: number): number[] {
  const choices = Array.from({ length: Math.max(1, Math.min(documents, most)) }, (_, i) => i + 1);
  return current > choices.length ? [...choices, current] : choices;
}

/** A minimum support in words: "any number of sources" for 1, "2 sources" and so on. */
export function describeSupport(minSupport: number): string {
  return minSupport > 1 ? `${minSupport} sources` : "1 source (every relation)";
}

/**
 * The window the handles ask for, made valid: swapped when the end comes before the start, and a side at or beyond
 * the span's end left open — so the whole span is the unfiltered graph, and a document added later is not cut off.
 */
export function normalizeWindow(window: TimeWindow, span: DaySpan): TimeWindow {
  let { since, until } = window;
  if (since !== null && !isCalendarDate(since)) since = null;
  if (until !== null && !isCalendarDate(until)) until = null;
  if (since !== null && until !== null && until < since) [since, until] = [until, since];
  return {
    since: since !== null && since > span.first ? since : null,
    until: until !== null && until < span.last ? until : null,
    minSupport: validSupport(window.minSupport),
  };
}

/**
 * The query parameters of `window` (none for an open side, no `minSupport` when it is 1), for /api/graph, /api/paths
 * and /api/export.
 */
export function windowParams(window: TimeWindow): Record<string, string> {
  const params: Record<string, string> = {};
  if (window.since !== null) params.since = window.since;
  if (window.until !== null) params.until = window.until;
  if (window.minSupport > 1) params.minSupport = String(window.minSupport);
  return params;
}

/**
 * The window in words: "All dates", "From 2024-03-01", "Until 2024-03-09" or "2024-03-01 to 2024-03-09", and
 * "· at least 2 sources" when a minimum support leaves relations out.
 */
export function describeWindow(window: TimeWindow): string {
  const support = window.minSupport > 1 ? ` · at least ${window.minSupport} sources` : "";
  return `${describeDays(window)}${support}`;
}

function describeDays({ since, until }: TimeWindow): string {
  if (since !== null && until !== null) return since === until ? `On ${since}` : `${since} to ${until}`;
  if (since !== null) return `From ${since}`;
  if (until !== null) return `Until ${until}`;
  return "All dates";
}

/**
 * The next window of "play": its end moved to the next document day after the current end (`days` sorted, distinct);
 * a window open at the end starts over at the first day within it. At the last day the end opens again (the whole
 * rest of the span), which is where play stops. null when no day is left to step to.
 */
export function nextPlayWindow(window: TimeWindow, days: readonly string[]): TimeWindow | null {
  const from = window.since ?? days[0];
  const after = window.until;
  const next = days.find((d) => d >= from && (after === null || d > after));
  if (next === undefined) return null;
  return { ...window, until: next === days[days.length - 1] ? null : next };
}
