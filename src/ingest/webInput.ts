/**
 * Web batch input: the documents of a list of URLs, or of the items of an RSS or Atom feed, each page fetched (one
 * at a time, under the fetch limits) when the batch reaches it.
 */
import { fetchedItem, type BatchItem } from "./batchInput.ts";
import { calendarDay } from "./web/pageArticle.ts";
import { fetchFeed } from "./web/fetchArticle.ts";
import { FetchError } from "./web/fetchError.ts";
import type { FetchOptions } from "./web/fetchOptions.ts";
import type { FeedItem } from "./web/feed.ts";
import { IngestError } from "./types.ts";

/** One document per URL, in order; a page that cannot be fetched or read is an error item naming its URL. */
export async function* urlDocuments(
  urls: Iterable<string>,
  options: Partial<FetchOptions> = {},
): AsyncGenerator<BatchItem> {
  for (const url of urls) yield await fetchedItem({ url }, url, options);
}

/**
 * One document per item of the feed at `feedUrl`, fetched from the item's link; the item's title, date and author
 * fill what the page does not say. A feed that cannot be fetched or read is one error item naming the feed.
 */
export async function* feedDocuments(feedUrl: string, options: Partial<FetchOptions> = {}): AsyncGenerator<BatchItem> {
  let items: FeedItem[];
  try {
    items = await fetchFeed(feedUrl, options);
  } catch (error) {
    if (!(error instanceof FetchError || error instanceof IngestError)) throw error;
    yield { url: feedUrl, error: error.message };
    return;
  }
  for (const [index, item] of items.entries()) {
    if (item.link === null) yield { url: feedUrl, error: `item ${index + 1} of the feed has no link to fetch` };
    else {
      const fallback = { title: item.title, author: item.author, date: calendarDay(item.date) };
      yield await fetchedItem({ url: item.link }, item.link, options, { fallback });
    }
  }
}
