/**
 * Calendar words: month and weekday names, which are capitalised in English but name no person, firm or place.
 */

const MONTHS = [
  ...["january", "february", "march", "april", "may", "june", "july", "august", "september", "october"],
  ...["november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"],
];
const WEEKDAYS = [
  ...["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
  ...["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"],
];
/** Abbreviations are calendar words only when written with a full stop or before a day number ("Sept. 4", "Oct 3"). */
const FULL = new Set([...MONTHS.filter((m) => m.length > 3 || m === "may"), ...WEEKDAYS.filter((d) => d.length > 5)]);
const SHORT = new Set([...MONTHS, ...WEEKDAYS].filter((w) => !FULL.has(w)));

/** Whether `lower` (a token in lower case, maybe with a full stop) is a month or weekday name. */
export function isCalendarWord(lower: string, next?: string): boolean {
  if (FULL.has(lower)) return true;
  if (lower.endsWith(".")) return SHORT.has(lower.slice(0, -1)) || FULL.has(lower.slice(0, -1));
  return SHORT.has(lower) && next !== undefined && /^\d{1,2}(?:st|nd|rd|th)?$/.test(next);
}
