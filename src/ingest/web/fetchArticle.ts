/**
 * Fetching articles: a URL to a document to add (the page fetched safely, its article and metadata read), and a
 * feed URL to its items.
 */
import type { DocumentInput } from "../types.ts";
import { feedItems, type FeedItem } from "./feed.ts";
import type { FetchOptions } from "./fetchOptions.ts";
import { articleFromHtml, type PageFields } from "./pageArticle.ts";
import { safeFetch } from "./safeFetch.ts";

/**
 * The article at `url` as a document to add; `url` on the document is where the page was found (after redirects).
 * Throws a FetchError when the page cannot be fetched, an IngestError when it has no article text.
 */
export async function fetchArticle(
  url: string,
  options: Partial<FetchOptions> = {},
  fields: PageFields = {},
): Promise<DocumentInput> {
  const page = await safeFetch(url, "html", options);
  return articleFromHtml(page.text, page.url, fields);
}

/** The items of the RSS or Atom feed at `url`, their links resolved against where the feed was found. */
export async function fetchFeed(url: string, options: Partial<FetchOptions> = {}): Promise<FeedItem[]> {
  const feed = await safeFetch(url, "feed", options);
  return feedItems(feed.text, feed.url);
}
