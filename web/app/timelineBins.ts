/**
 * Timeline bins: the documents' days counted per day — or per week when the span is long — for the page's histogram.
 */
import { isCalendarDate } from "../../src/model/calendarDate.ts";

/** Tunables of the binning. */
export interface TimelineBinOptions {
  /** Above this many days from the first to the last document the bins are weeks (a day's bar would be too thin). */
  maxDailySpanDays: number;
}

export const DEFAULT_TIMELINE_BIN_OPTIONS: TimelineBinOptions = { maxDailySpanDays: 60 };

/** One bar: the days it covers (inclusive `YYYY-MM-DD`) and how many documents are dated within them. */
export interface TimelineBin {
  start: string;
  end: string;
  count: number;
}

/** The histogram: its unit and its bins, in order, from the first document's day to the last's (empty ones too). */
export interface TimelineBins {
  unit: "day" | "week";
  bins: TimelineBin[];
}

const DAY_MS = 86_400_000;

/** The day `n` days after `day` (before, for a negative `n`), in UTC so no time zone shifts it. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** How many days `to` comes after `from` (negative when before). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The distinct real days among `documents`' dates, sorted; [] when none is dated. */
export function documentDays(documents: readonly { date?: string }[]): string[] {
  const days = new Set<string>();
  for (const { date } of documents) if (typeof date === "string" && isCalendarDate(date)) days.add(date);
  return [...days].sort();
}

/** The Monday of `day`'s week (ISO weeks start on Monday). */
function weekStart(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Counts `documents` per day, or per ISO week when they span more than `maxDailySpanDays`; null when none is dated. */
export function binDocuments(
  documents: readonly { date?: string }[],
  options: Partial<TimelineBinOptions> = {},
): TimelineBins | null {
  const { maxDailySpanDays } = { ...DEFAULT_TIMELINE_BIN_OPTIONS, ...options };
  const days = documentDays(documents);
  if (days.length === 0) return null;
  const first = days[0];
  const last = days[days.length - 1];
  const unit = daysBetween(first, last) > maxDailySpanDays ? "week" : "day";
  const width = unit === "week" ? 7 : 1;
  const origin = unit === "week" ? weekStart(first) : first;
  const bins: TimelineBin[] = [];
  for (let start = origin; start <= last; start = addDays(start, width))
    bins.push({ start, end: addDays(start, width - 1), count: 0 });
  for (const { date } of documents) {
    if (typeof date !== "string" || !isCalendarDate(date)) continue;
    bins[Math.floor(daysBetween(origin, date) / width)].count++;
  }
  return { unit, bins };
}

/** Why there is no timeline for these document days (sorted, distinct), or null when there is one. */
export function noTimelineReason(days: readonly string[]): string | null {
  if (days.length === 0) return "No timeline: no document is dated.";
  if (days.length === 1)
    return `No timeline: every document is dated ${days[0]}; it needs documents from two days or more.`;
  return null;
}
