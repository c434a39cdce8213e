/**
 * Calendar dates: `YYYY-MM-DD` days as the model writes them (document dates, time windows), checked to be real days.
 */
import { z } from "zod";

/** Whether `YYYY-MM-DD` names a real day: year 0001–9999, month 1–12, a day the month has (leap years counted). */
export function isCalendarDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC so no time zone shifts it.
  const probe = new Date(Date.UTC(2000, month, 0));
  probe.setUTCFullYear(year, month, 0);
  return day <= probe.getUTCDate();
}

/** A `YYYY-MM-DD` day that exists; the messages say how to write one. */
export const CalendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "write the date as YYYY-MM-DD")
  .refine(isCalendarDate, "not a calendar date; give a real day from 0001-01-01 on, e.g. 2024-02-29");

/**
 * The day a date text names when it starts with one (`2022-03-15`, `2022-03-15T09:30:00Z`); null otherwise. A
 * timestamp's day is the one it was written with, not converted to UTC: the writer's calendar is the article's.
 */
export function dayOf(text: unknown): string | null {
  if (typeof text !== "string") return null;
  const match = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(text.trim());
  return match && isCalendarDate(match[1]) ? match[1] : null;
}
