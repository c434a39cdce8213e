/**
 * Panel controller: the side panel describing the selected node or edge, and the source document of a quote.
 */
import { fetchDocument } from "../app/api.ts";
import { predicateLabel, typeLabel, type PageContext } from "../app/context.ts";
import { byId, el, listen } from "../app/dom.ts";
import type { Controller, Evidence, UiState } from "../app/types.ts";
import { focusNode } from "./selection.ts";

/** A button showing a quote; activating it opens the document at that span. */
function quoteButton(evidence: Evidence, open: (e: Evidence) => void): HTMLButtonElement {
  const button = el(
    "button",
    { type: "button", class: "quote", title: "Open the source document at this quote" },
    `“${evidence.quote}”`,
  );
  button.addEventListener("click", () => open(evidence));
  return button;
}

/** A link-like button that selects an entity. */
function entityButton(ctx: PageContext, node: string): HTMLButtonElement {
  const button = el("button", { type: "button", class: "entity-link" }, ctx.graph.getNodeAttribute(node, "label"));
  button.addEventListener("click", () => focusNode(ctx, node));
  return button;
}

/** A definition list of the non-empty pairs. */
function facts(pairs: [string, string | number | undefined][]): HTMLDListElement {
  const list = el("dl", { class: "facts" });
  for (const [term, value] of pairs) {
    if (value === undefined || value === "") continue;
    list.append(el("dt", {}, term), el("dd", {}, String(value)));
  }
  return list;
}

function panelHeader(title: string, kicker: Node, onClose: () => void): HTMLElement {
  const close = el("button", { type: "button", class: "close", "aria-label": "Close the panel" }, "×");
  close.addEventListener("click", onClose);
  return el("header", { class: "panel-header" }, kicker, el("h2", { tabindex: "-1" }, title), close);
}

/** The node's relations grouped by predicate and direction, each with its quotes. */
function relationsOf(ctx: PageContext, node: string, open: (e: Evidence) => void): HTMLElement {
  const groups = new Map<string, HTMLLIElement[]>();
  ctx.graph.forEachEdge(node, (edge, attributes, source, target) => {
    const outgoing = source === node;
    const heading = predicateLabel(ctx, attributes.predicate, outgoing);
    const other = outgoing ? target : source;
    const item = el(
      "li",
      { class: "relation", "data-edge": edge },
      el("div", { class: "relation-head" }, entityButton(ctx, other), relationTags(attributes)),
      ...attributes.evidence.map((evidence) => quoteButton(evidence, open)),
    );
    groups.set(heading, [...(groups.get(heading) ?? []), item]);
  });
  if (groups.size === 0) return el("p", { class: "muted" }, "No relations.");
  const section = el("section", { class: "relations", "aria-label": "Relations" }, el("h3", {}, "Relations"));
  for (const [heading, items] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    section.append(el("h4", {}, heading), el("ul", {}, ...items));
  }
  return section;
}

function relationTags(attributes: { stance?: string; modality?: string; confidence?: number }): HTMLElement {
  const tags = [attributes.stance, attributes.modality].filter((t): t is string => !!t && t !== "neutral");
  if (attributes.confidence !== undefined) tags.push(`${Math.round(attributes.confidence * 100)}%`);
  return el("span", { class: "tags" }, ...tags.map((tag) => el("span", { class: `tag tag-${tag}` }, tag)));
}

/** Accept / Reject for a relation awaiting review; the review controller acts on them (see review.ts). */
function reviewActions(edge: string): HTMLElement {
  const button = (decision: string, label: string, testId: string) =>
    el("button", { type: "button", "data-decision": decision, "data-edge": edge, "data-testid": testId }, label);
  return el(
    "div",
    { class: "review", role: "group", "aria-label": "Review this extracted relation" },
    el("p", { class: "muted" }, "Extracted from a document, not yet reviewed."),
    el(
      "div",
      { class: "field-row" },
      button("accept", "Accept", "relation-accept"),
      button("reject", "Reject", "relation-reject"),
    ),
    el("p", { class: "review-status", "data-review-status": true, role: "status" }),
  );
}

/** Shows `text` with `[start, end)` marked; falls back to the quote's first occurrence when the offsets are stale. */
function highlightedText(text: string, evidence: Evidence): { body: HTMLElement; mark: HTMLElement | null } {
  let { start, end } = evidence;
  if (text.slice(start, end) !== evidence.quote) {
    start = text.indexOf(evidence.quote);
    end = start + evidence.quote.length;
  }
  if (start < 0) return { body: el("div", { class: "document-text" }, text), mark: null };
  const mark = el("mark", {}, text.slice(start, end));
  return { body: el("div", { class: "document-text" }, text.slice(0, start), mark, text.slice(end)), mark };
}

/** Renders the selection into #node-panel and opens documents on demand. */
export function createPanelController(ctx: PageContext): Controller {
  const panel = byId("node-panel");
  const { graph, store } = ctx;
  let documentRequest = 0;
  const clear = () => store.set({ selection: null });

  const openDocument = async (evidence: Evidence) => {
    const request = ++documentRequest;
    const back = el("button", { type: "button", class: "back" }, "← Back");
    back.addEventListener("click", () => render(store.state));
    panel.replaceChildren(panelHeader("Source document", back, clear), el("p", { class: "muted" }, "Loading…"));
    panel.hidden = false;
    try {
      const doc = await fetchDocument(evidence.doc);
      if (request !== documentRequest) return;
      const title = typeof doc.meta.title === "string" ? doc.meta.title : doc.id;
      const { body, mark } = highlightedText(doc.text, evidence);
      panel.replaceChildren(panelHeader(title, back, clear), body);
      panel.dataset.view = "document";
      mark?.scrollIntoView({ block: "center" });
    } catch (error) {
      if (request !== documentRequest) return;
      panel.replaceChildren(
        panelHeader("Source document", back, clear),
        el("p", { class: "error", role: "alert" }, `Cannot open document ${evidence.doc}: ${(error as Error).message}`),
        el("blockquote", {}, evidence.quote),
      );
    }
  };
  const open = (evidence: Evidence) => void openDocument(evidence);

  const renderNode = (node: string) => {
    const a = graph.getNodeAttributes(node);
    const kind = [typeLabel(ctx, a.type), a.subtype].filter(Boolean).join(" · ");
    const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
    swatch.style.background = a.color;
    const aliases = (a.aliases ?? []).filter((alias) => alias !== a.label);
    panel.replaceChildren(
      ...[
        panelHeader(a.label, el("p", { class: "kicker" }, swatch, kind), clear),
        a.description ? el("p", { class: "description" }, a.description) : null,
        aliases.length ? facts([["Also known as", aliases.join(", ")]]) : null,
        relationsOf(ctx, node, open),
      ].filter((child): child is HTMLElement => child !== null),
    );
    panel.dataset.view = "node";
  };

  const renderEdge = (edge: string) => {
    const a = graph.getEdgeAttributes(edge);
    const [source, target] = graph.extremities(edge);
    const q = a.qualifiers ?? {};
    panel.replaceChildren(
      panelHeader(a.label, el("p", { class: "kicker" }, "Relation"), clear),
      el("p", { class: "edge-line" }, entityButton(ctx, source), ` ${a.label} → `, entityButton(ctx, target)),
      facts([
        ["Stance", a.stance],
        ["Modality", a.modality],
        ["Confidence", a.confidence === undefined ? undefined : a.confidence.toFixed(2)],
        ["Source", a.source],
        ["Status", a.status],
        ["Time", q.time],
        ["Duration", q.duration],
        ["Role", q.role],
      ]),
      a.status === "candidate" ? reviewActions(edge) : "",
      el("h3", {}, "Evidence"),
      el("ul", { class: "evidence" }, ...a.evidence.map((e) => el("li", {}, quoteButton(e, open)))),
    );
    panel.dataset.view = "edge";
  };

  const render = (state: UiState) => {
    documentRequest++;
    const { selection } = state;
    if (selection?.kind === "node" && graph.hasNode(selection.id)) renderNode(selection.id);
    else if (selection?.kind === "edge" && graph.hasEdge(selection.id)) renderEdge(selection.id);
    else {
      panel.hidden = true;
      panel.replaceChildren();
      delete panel.dataset.view;
      return;
    }
    panel.hidden = false;
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.selection !== previous.selection) render(state);
  });
  const offKey = listen(panel, "keydown", (event) => {
    if (event.key === "Escape") clear();
  });
  render(store.state);
  return {
    kill() {
      unsubscribe();
      offKey();
      documentRequest++;
    },
  };
}
