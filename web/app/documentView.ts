/**
 * Document view: a source document's metadata (title, author, outlet, date, kind) and its text with a quote marked,
 * built with textContent only — document data never becomes HTML.
 */
import { el } from "./dom.ts";
import type { DocumentResult, Evidence } from "./types.ts";

/** A definition list of the non-empty pairs. */
export function facts(pairs: [string, string | number | undefined][]): HTMLDListElement {
  const list = el("dl", { class: "facts" });
  for (const [term, value] of pairs) {
    if (value === undefined || value === "") continue;
    list.append(el("dt", {}, term), el("dd", {}, String(value)));
  }
  return list;
}

/** A metadata field when it is text, else undefined (the metadata file is the curator's, its types are not checked). */
const text = (value: unknown): string | undefined => (typeof value === "string" && value ? value : undefined);

/** The document's title as its metadata gives it, else its id. */
export function documentTitle(doc: DocumentResult): string {
  return text(doc.meta.title) ?? doc.id;
}

/** The block of a document's metadata: title, author, outlet (and section), date and kind (news, opinion…). */
export function documentMeta(doc: DocumentResult): HTMLDListElement {
  const { author, outlet, section, published, genre } = doc.meta;
  const where = [text(outlet), text(section)].filter(Boolean).join(" · ");
  const block = facts([
    ["Title", documentTitle(doc)],
    ["Author", text(author)],
    ["Outlet", where || undefined],
    ["Date", text(published)],
    ["Kind", text(genre)],
  ]);
  block.classList.add("doc-meta");
  block.dataset.testid = "doc-meta";
  return block;
}

/** Shows `text` with `[start, end)` marked; falls back to the quote's first occurrence when the offsets are stale. */
export function highlightedText(
  body: string,
  evidence: Evidence | null,
): { element: HTMLElement; mark: HTMLElement | null } {
  if (!evidence) return { element: el("div", { class: "document-text" }, body), mark: null };
  let { start, end } = evidence;
  if (body.slice(start, end) !== evidence.quote) {
    start = body.indexOf(evidence.quote);
    end = start + evidence.quote.length;
  }
  if (start < 0) return { element: el("div", { class: "document-text" }, body), mark: null };
  const mark = el("mark", {}, body.slice(start, end));
  return { element: el("div", { class: "document-text" }, body.slice(0, start), mark, body.slice(end)), mark };
}
