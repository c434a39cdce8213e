/**
 * Page to article: a web page's HTML turned into a document to add — its main text, and its title, author, date,
 * outlet and address from the page's metadata — with fields given by the caller winning over the page's own.
 */
import { parseHTML } from "linkedom";
import { isCalendarDate } from "../../model/calendarDate.ts";
import { titleFromText, withoutUndefined } from "../documentInput.ts";
import { IngestError, type DocumentInput } from "../types.ts";
import { MIN_ARTICLE_CHARS, readableArticle } from "./articleText.ts";
import { pageMetadata } from "./pageMetadata.ts";

/** Metadata fields of a document, any of which may be known before the page is read. */
export type DocumentFields = Partial<Omit<DocumentInput, "text">>;

/** What the page's metadata may fill: fields the caller gave win (`given`); `fallback` fills what the page lacks. */
export interface PageFields {
  given?: DocumentFields;
  fallback?: DocumentFields;
}

/** The longest title, author and outlet the document schema accepts (src/ingest/documentInput.ts). */
const MAX_FIELD = { title: 300, author: 200, outlet: 200 } as const;

// Control and bidi characters are refused in one-line fields by the schema; a page's metadata is cleaned of them.
// eslint-disable-next-line no-control-regex
const LINE_JUNK = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]+/g;

/**
 * The document in `html` (a page fetched from `pageUrl`, or a saved file when null). Throws an {@link IngestError}
 * when the page has no article text.
 */
export function articleFromHtml(html: string, pageUrl: string | null, fields: PageFields = {}): DocumentInput {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const metadata = pageMetadata(document); // before Readability, which rewrites the document
  const article = readableArticle(document);
  if (!article)
    throw new IngestError(
      "invalid",
      `ingest: no article text was found in the page (under ${MIN_ARTICLE_CHARS} characters of it read as an article: a front page, a paywall or a page its scripts fill in?); give the text itself`,
    );
  const { given = {}, fallback = {} } = fields;
  const pick = (key: keyof typeof MAX_FIELD, ...values: (string | undefined)[]) =>
    given[key] ?? firstLine([...values, fallback[key]], MAX_FIELD[key]);
  const result: DocumentInput = {
    title: pick("title", metadata.title, article.title) ?? titleFromText(article.text, "untitled page"),
    text: article.text,
    author: pick("author", metadata.author, article.byline),
    date: given.date ?? [metadata.date, article.publishedTime, fallback.date].map(calendarDay).find(Boolean),
    outlet: pick("outlet", metadata.outlet, article.siteName),
    url: given.url ?? pageUrl ?? httpUrl(metadata.url),
  };
  return withoutUndefined(result);
}

/** The first of `values` with something left once cleaned by {@link oneLine}. */
function firstLine(values: (string | undefined)[], max: number): string | undefined {
  for (const value of values) {
    const line = oneLine(value, max);
    if (line) return line;
  }
  return undefined;
}

/** `value` on one line, cleaned of control characters and clipped to `max` characters; undefined when empty. */
function oneLine(value: string | undefined, max: number): string | undefined {
  const line = value?.replace(LINE_JUNK, " ").replace(/\s+/g, " ").trim();
  if (!line) return undefined;
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A date as YYYY-MM-DD: an ISO date or date-time keeps the day as written (the publisher's own calendar day, whatever
 * its offset), other formats (RSS's "Tue, 03 Mar 2026 09:00:00 GMT") are read by Date.parse and taken in UTC.
 */
export function calendarDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^\s*(\d{4}-\d{2}-\d{2})(?:[T\s]|$)/.exec(value)?.[1];
  if (iso) return isCalendarDate(iso) ? iso : undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

function httpUrl(value: string | undefined): string | undefined {
  return value && /^https?:\/\/\S+$/i.test(value) ? value : undefined;
}
