/**
 * Timeline window: the days the page shows relations from (`since` and `until`, inclusive; null leaves that side
 * open), kept within the documents' span, written as query parameters, and stepped through by "play".
 */
import { isCalendarDate } from "../../src/model/calendarDate.ts";

/** The page's time window; both null shows every relation (the unfiltered graph). */
export interface TimeWindow {
  since: string | null;
  until: string | null;
}

/** The window that leaves nothing out. */
export const OPEN_WINDOW: TimeWindow = { since: null, until: null };

/** The first and last document days. */
export interface DaySpan {
  first: string;
  last: string;
}

/** Whether `window` leaves anything out. */
export function isWindowed(window: TimeWindow): boolean {
  return window.since !== null || window.until !== null;
}

/** Whether two windows are the same. */
export function sameWindow(a: TimeWindow, b: TimeWindow): boolean {
  return a.since === b.since && a.until === b.until;
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
  };
}

/** The query parameters of `window` (none for an open side), for /api/graph, /api/paths and /api/export. */
export function windowParams(window: TimeWindow): Record<string, string> {
  const params: Record<string, string> = {};
  if (window.since !== null) params.since = window.since;
  if (window.until !== null) params.until = window.until;
  return params;
}

/** The window in words: "All dates", "From 2024-03-01", "Until 2024-03-09" or "2024-03-01 to 2024-03-09". */
export function describeWindow(window: TimeWindow): string {
  const { since, until } = window;
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
  return { since: window.since, until: next === days[days.length - 1] ? null : next };
}
