/**
 * Fetching articles: a URL to a document to add (the page fetched safely, its article and metadata read), and a
 * feed URL to its items. The HTML and XML readers are imported on the first fetch, so a server that never fetches a
 * page never loads them.
 */
import { lazyImport } from "../../util/lazyImport.ts";
import { IngestError, type DocumentInput } from "../types.ts";
import type { FeedItem } from "./feed.ts";
import type { FetchOptions } from "./fetchOptions.ts";
import type { PageFields } from "./pageArticle.ts";
import { safeFetch } from "./safeFetch.ts";

/** An {@link IngestError} (503) naming the reader that could not be loaded. */
const unavailable = (reader: string) => (error: Error) =>
  new IngestError(
    "unavailable",
    `ingest: the ${reader} cannot be loaded (${error.message}); check src/ingest/web and run "npm install"`,
  );

const pageReader = lazyImport(() => import("./pageArticle.ts"), unavailable("web page reader"));
const feedReader = lazyImport(() => import("./feed.ts"), unavailable("feed reader"));

/**
 * The article at `url` as a document to add; `url` on the document is where the page was found (after redirects).
 * Throws a FetchError when the page cannot be fetched, an IngestError when it has no article text.
 */
export async function fetchArticle(
  url: string,
  options: Partial<FetchOptions> = {},
  fields: PageFields = {},
): Promise<DocumentInput> {
  const [page, { articleFromHtml }] = await Promise.all([safeFetch(url, "html", options), pageReader()]);
  return articleFromHtml(page.text, page.url, fields);
}

/** The items of the RSS or Atom feed at `url`, their links resolved against where the feed was found. */
export async function fetchFeed(url: string, options: Partial<FetchOptions> = {}): Promise<FeedItem[]> {
  const [feed, { feedItems }] = await Promise.all([safeFetch(url, "feed", options), feedReader()]);
  return feedItems(feed.text, feed.url);
}
