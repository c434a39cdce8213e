/**
 * Feeds: the items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed — each item's link, and its title, date and author as
 * fallbacks for what the linked page does not say — read with xmldom.
 */
import { DOMParser } from "@xmldom/xmldom";
import { withoutUndefined } from "../documentInput.ts";
import { IngestError } from "../types.ts";

/** One item of a feed; `link` is absolute, or null when the item has none. */
export interface FeedItem {
  link: string | null;
  title?: string;
  date?: string;
  author?: string;
}

/** The items of the feed `xml` (fetched from `feedUrl`, which relative links are resolved against), in feed order. */
export function feedItems(xml: string, feedUrl: string): FeedItem[] {
  const root = parseFeedXml(xml, feedUrl);
  switch (root.localName) {
    case "rss":
      return children(root, "channel").flatMap((channel) =>
        children(channel, "item").map((item) => rssItem(item, feedUrl)),
      );
    case "RDF":
      return children(root, "item").map((item) => rssItem(item, feedUrl));
    case "feed":
      return children(root, "entry").map((entry) => atomEntry(entry, feedUrl));
    default:
      throw new IngestError(
        "invalid",
        `ingest: ${feedUrl} is XML but not an RSS or Atom feed (its root is <${root.tagName}>); give the feed's own address`,
      );
  }
}

function parseFeedXml(xml: string, feedUrl: string): Element {
  const problems: string[] = [];
  const record = (message: string) => problems.push(message.replace(/\s+/g, " ").trim());
  let root: Element | null = null;
  try {
    const parser = new DOMParser({ errorHandler: { warning: () => undefined, error: record, fatalError: record } });
    root = (parser.parseFromString(xml, "application/xml") as unknown as Document).documentElement;
  } catch (error) {
    record((error as Error).message);
  }
  if (problems.length > 0 || !root)
    throw new IngestError(
      "invalid",
      `ingest: the feed ${feedUrl} is not well-formed XML (${problems[0] ?? "no root element"})`,
    );
  return root;
}

function rssItem(item: Element, feedUrl: string): FeedItem {
  const guid = children(item, "guid")[0];
  const permalink = guid && guid.getAttribute("isPermaLink") !== "false" ? text(guid) : undefined;
  return withoutEmpty({
    link: absolute(text(children(item, "link")[0]) ?? permalink, feedUrl),
    title: text(children(item, "title")[0]),
    date: text(children(item, "pubDate")[0]) ?? text(children(item, "date")[0]),
    author: text(children(item, "creator")[0]) ?? text(children(item, "author")[0]),
  });
}

function atomEntry(entry: Element, feedUrl: string): FeedItem {
  const links = children(entry, "link");
  const page = links.find((link) => (link.getAttribute("rel") || "alternate") === "alternate") ?? links[0];
  const authors = children(entry, "author").map((author) => text(children(author, "name")[0]));
  return withoutEmpty({
    link: absolute(page?.getAttribute("href") || undefined, feedUrl),
    title: text(children(entry, "title")[0]),
    date: text(children(entry, "published")[0]) ?? text(children(entry, "updated")[0]),
    author: authors.filter(Boolean).join(", ") || undefined,
  });
}

// xmldom answers "" for an absent attribute (the old DOM rule), hence `||` rather than `??` on getAttribute.

/** The child elements of `parent` named `localName`, whatever their namespace (dc:creator, atom:link…). */
function children(parent: Element, localName: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (node): node is Element => node.nodeType === 1 && (node as Element).localName === localName,
  );
}

function text(element: Element | undefined): string | undefined {
  return element?.textContent?.replace(/\s+/g, " ").trim() || undefined;
}

function absolute(link: string | undefined, base: string): string | null {
  if (!link) return null;
  try {
    return new URL(link, base).href;
  } catch {
    return null;
  }
}

function withoutEmpty(item: FeedItem): FeedItem {
  return withoutUndefined(item);
}
