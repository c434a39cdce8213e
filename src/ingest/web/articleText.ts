/**
 * Article text: the main text of a web page — what Mozilla's Readability (Firefox's reader view) keeps, without
 * navigation, adverts, comments or footers — as plain paragraphs separated by blank lines.
 */
import { Readability } from "@mozilla/readability";

/** What Readability found: the text, and its own reading of the title, byline, site and date as fallbacks. */
export interface ReadableArticle {
  text: string;
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
}

/**
 * Fewer characters than this is no article: a front page's links, a paywall's teaser, a page its scripts fill in.
 * (Readability itself settles for whatever text is longest when no part of the page reaches its own threshold.)
 */
export const MIN_ARTICLE_CHARS = 200;

// Elements that start a new paragraph of the text; everything else (links, emphasis, spans) runs inline.
const BLOCKS = new Set(
  "ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN OL P PRE SECTION TABLE TD TH TR UL".split(
    " ",
  ),
);

// Class or id words of what Readability keeps but is not the article: in-text adverts whose class its own list of
// unlikely names lacks ("advertisement", "promo"), and the byline line, which it keeps once the page's metadata has
// named the author (the author is read from the metadata before this runs).
const BOILERPLATE = new Set(
  "ad ads advert adverts advertisement advertising sponsored promo promotion byline dateline newsletter".split(" "),
);

/** Removes the elements whose class or id is one of the {@link BOILERPLATE} words. */
function removeBoilerplate(document: Document): void {
  for (const element of Array.from(document.querySelectorAll("[class], [id]"))) {
    const words = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`
      .toLowerCase()
      .split(/\s+/);
    if (words.some((word) => BOILERPLATE.has(word))) element.remove();
  }
}

/**
 * The readable article of `document` (which this changes: read the metadata first), or null when the page has no
 * article Readability can find, or one shorter than {@link MIN_ARTICLE_CHARS}.
 */
export function readableArticle(document: Document): ReadableArticle | null {
  removeBoilerplate(document);
  // The serializer hands back the content element itself, so its text is read without parsing its HTML again.
  const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  if (!article?.content) return null;
  const text = paragraphs(article.content).join("\n\n");
  if (text.length < MIN_ARTICLE_CHARS) return null;
  const optional = (value: string | null | undefined) => value?.trim() || undefined;
  return {
    text,
    title: optional(article.title),
    byline: optional(article.byline),
    siteName: optional(article.siteName),
    publishedTime: optional(article.publishedTime),
  };
}

/** The paragraphs of `root`: the text of each block element, whitespace collapsed, empty ones dropped. */
export function paragraphs(root: Node): string[] {
  const out: string[] = [];
  let line = "";
  const flush = () => {
    const paragraph = line.replace(/\s+/g, " ").trim();
    if (paragraph) out.push(paragraph);
    line = "";
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) line += child.textContent ?? "";
      else if (child.nodeType !== 1) continue;
      else if ((child as Element).tagName.toUpperCase() === "BR") line += "\n";
      else if (BLOCKS.has((child as Element).tagName.toUpperCase())) {
        flush();
        walk(child);
        flush();
      } else walk(child);
    }
  };
  walk(root);
  flush();
  return out;
}
