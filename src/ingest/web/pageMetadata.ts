/**
 * Page metadata: an article's title, author, date, outlet and address as its page declares them — JSON-LD
 * (schema.org NewsArticle and kin), OpenGraph and article meta tags, `<meta name=author>` and `<time datetime>`.
 */
import { withoutUndefined } from "../documentInput.ts";

/** What a page says about its article; each field as written (not yet cleaned or checked). */
export interface PageMetadata {
  title?: string;
  author?: string;
  /** As written: an ISO date or date-time, or another format Date.parse reads. */
  date?: string;
  outlet?: string;
  /** The page's canonical address (`<link rel=canonical>` or `og:url`). */
  url?: string;
}

type JsonObject = Record<string, unknown>;

// schema.org types an article page describes itself with (NewsArticle, ReportageNewsArticle, BlogPosting, …).
const ARTICLE_TYPE = /(Article|BlogPosting|Report)$/;

/** The page's metadata, JSON-LD first (the most explicit), then meta tags, then the first `<time datetime>`. */
export function pageMetadata(document: Document): PageMetadata {
  const ld = jsonLdArticle(document);
  const attribute = (selector: string, name: string) =>
    document.querySelector(selector)?.getAttribute(name)?.trim() || undefined;
  const meta = (selector: string) => attribute(selector, "content");
  const metadata: PageMetadata = {
    title:
      nameOf(ld?.headline) ??
      nameOf(ld?.name) ??
      meta('meta[property="og:title"]') ??
      meta('meta[name="twitter:title"]'),
    author: nameOf(ld?.author) ?? meta('meta[name="author"]') ?? notUrl(meta('meta[property="article:author"]')),
    date:
      nameOf(ld?.datePublished) ??
      meta('meta[property="article:published_time"]') ??
      attribute("time[datetime]", "datetime") ??
      nameOf(ld?.dateCreated),
    outlet: nameOf(ld?.publisher) ?? meta('meta[property="og:site_name"]') ?? meta('meta[name="application-name"]'),
    url: attribute('link[rel="canonical"]', "href") ?? meta('meta[property="og:url"]'),
  };
  return withoutUndefined(metadata);
}

/** The first schema.org article object in the page's JSON-LD scripts (top level, in an array or in `@graph`). */
function jsonLdArticle(document: Document): JsonObject | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let value: unknown;
    try {
      value = JSON.parse(script.textContent ?? "");
    } catch {
      continue; // a broken block is the page's problem; the meta tags may still say enough
    }
    const found = candidates(value).find((node) => typesOf(node["@type"]).some((type) => ARTICLE_TYPE.test(type)));
    if (found) return found;
  }
  return null;
}

function candidates(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(candidates);
  if (typeof value !== "object" || value === null) return [];
  const node = value as JsonObject;
  return [node, ...candidates(node["@graph"])];
}

function typesOf(type: unknown): string[] {
  if (typeof type === "string") return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === "string") : [];
}

/** A JSON-LD value as text: a string, an object's `name`, or a list of those joined ("A, B"). */
function nameOf(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => name !== undefined);
    return names.length ? names.join(", ") : undefined;
  }
  if (typeof value === "object" && value !== null) return nameOf((value as JsonObject).name);
  return undefined;
}

/** `article:author` is often the author's profile URL, which is no name. */
function notUrl(value: string | undefined): string | undefined {
  return value && /^https?:\/\//i.test(value) ? undefined : value;
}
