/**
 * Document dates: the one day each document is dated by, and where that day came from — given with the document, read
 * from its other metadata, or the day it was ingested.
 */
import { dayOf, isCalendarDate } from "./calendarDate.ts";

/** Where a document's date came from, from the most to the least trustworthy. */
export const DATE_SOURCES = ["given", "metadata", "ingested"] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

/** A document's day (`YYYY-MM-DD`) and its source. */
export interface DocumentDate {
  date: string;
  dateSource: DateSource;
}

/** The metadata fields a date is read from (see DocumentMetaSchema). */
export interface DatedMeta {
  /** The publication date given with the document (`--date`, `"date"`). */
  published?: string;
  url?: string;
  /** When `kg ingest` stored the document (an ISO timestamp). */
  addedAt?: string;
}

// News sites put the publication day in the path: /2022/03/15/slug or /2022-03-15-slug.
const URL_DAY = /(?:^|[^\d])((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?=$|[^\d])/;

/**
 * The date of a document: its `published` day ("given"), else a day in its URL ("metadata"), else the day it was
 * added ("ingested": `addedAt`, or `fileDay` — the day its text file was written — for a document placed by hand,
 * which has no `addedAt`). Null only when none of them names a real day.
 */
export function documentDate(meta: DatedMeta, fileDay: string | null = null): DocumentDate | null {
  const given = dayOf(meta.published);
  if (given) return { date: given, dateSource: "given" };
  const fromUrl = urlDay(meta.url);
  if (fromUrl) return { date: fromUrl, dateSource: "metadata" };
  const ingested = dayOf(meta.addedAt) ?? dayOf(fileDay);
  return ingested ? { date: ingested, dateSource: "ingested" } : null;
}

/** The publication day written in a URL's path, e.g. `https://example.com/2022/03/15/talks`; null when none. */
export function urlDay(url: string | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = URL_DAY.exec(path);
  if (!match) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  return isCalendarDate(day) ? day : null;
}
