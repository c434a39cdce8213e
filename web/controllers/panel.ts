/**
 * Panel controller: the side panel describing the selected node or edge, and the source document of a quote.
 * Opening a quote moves the keyboard focus to the document; closing the panel gives the focus back to where it was
 * before the panel opened.
 *
 * The page draws from a payload without evidence (see main.ts): the panel shows what the graph holds at once (name,
 * kind, ends) and fills in the description, relations and quotes from /api/graph/nodes/:id or /api/graph/edges/:id.
 */
import { fetchDocument, fetchEdgeDetail, fetchNodeDetail } from "../app/api.ts";
import { predicateLabel, typeLabel, type PageContext } from "../app/context.ts";
import { byId, el } from "../app/dom.ts";
import { claimPhrase, claimTagsElement, isCandidate, type ClaimAttributes } from "../app/claim.ts";
import { describeRelation, isOpenRelation } from "../app/relationKind.ts";
import { documentMeta, documentTitle, facts, highlightedText } from "../app/documentView.ts";
import type {
  Controller,
  EdgeDetail,
  EdgeDetailAttributes,
  Evidence,
  NodeDetail,
  Reading,
  UiState,
} from "../app/types.ts";
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

/** "2022-01-10 – 2022-03-20", one day when both are the same, undefined when the relation is undated. */
function reportedRange(first: string | undefined, last: string | undefined): string | undefined {
  if (!first) return undefined;
  return !last || last === first ? first : `${first} – ${last}`;
}

/** The documents stating a relation (its support): each title with its date and where the date came from. */
function statingDocuments(documents: EdgeDetail["documents"]): HTMLElement {
  const heading = documents.length === 1 ? "Stated by 1 document" : `Stated by ${documents.length} documents`;
  const items = documents.map((doc) => {
    const when = doc.date ? ` — ${doc.date}${doc.dateSource ? ` (${doc.dateSource})` : ""}` : "";
    return el("li", { "data-doc": doc.id }, `${doc.title}${when}`);
  });
  return el(
    "section",
    { class: "support", "data-support": String(documents.length) },
    el("h3", {}, heading),
    el("ul", {}, ...items),
  );
}

/**
 * A link-like button that selects an entity: plain text when the graph no longer has it, its key (it is fetched when
 * chosen) when an overview has not drawn it yet.
 */
function entityButton(ctx: PageContext, node: string): HTMLElement {
  const drawn = ctx.graph.hasNode(node);
  if (!drawn && !ctx.overview) return el("span", { class: "entity-link" }, node);
  const text = drawn ? ctx.graph.getNodeAttribute(node, "label") : node;
  const button = el("button", { type: "button", class: "entity-link" }, text);
  button.addEventListener("click", () => focusNode(ctx, node));
  return button;
}

function panelHeader(title: string, kicker: Node, onClose: () => void): HTMLElement {
  const close = el("button", { type: "button", class: "close", "aria-label": "Close the panel" }, "×");
  close.addEventListener("click", onClose);
  return el("header", { class: "panel-header" }, kicker, el("h2", { tabindex: "-1" }, title), close);
}

/** A group heading of the node panel: the predicate read from this side, or an open relation's own verb phrase. */
function relationHeading(ctx: PageContext, attributes: EdgeDetailAttributes, outgoing: boolean): string {
  if (!isOpenRelation(attributes)) return predicateLabel(ctx, attributes.predicate, outgoing);
  // An open relation has no inverse label: read from its object, the phrase is marked as pointing the other way.
  return `${outgoing ? "" : "← "}${attributes.label} (open relation)`;
}

/** A button opening a relation's own panel (its evidence, stance, review): the keyboard's way to an edge. */
function relationButton(ctx: PageContext, edge: string): HTMLElement | null {
  if (!ctx.graph.hasEdge(edge)) return null;
  const button = el("button", { type: "button", class: "relation-open", "data-edge": edge }, "Details");
  button.addEventListener("click", () => ctx.ui.set({ selection: { kind: "edge", id: edge } }));
  return button;
}

/** The node's relations grouped by predicate and direction, each with its quotes. */
function relationsOf(ctx: PageContext, detail: NodeDetail, open: (e: Evidence) => void): HTMLElement {
  const node = detail.key;
  const groups = new Map<string, HTMLLIElement[]>();
  for (const { key, attributes, source, target } of detail.edges) {
    const outgoing = source === node;
    const heading = relationHeading(ctx, attributes, outgoing);
    const other = outgoing ? target : source;
    const item = el(
      "li",
      { class: isCandidate(attributes) ? "relation candidate" : "relation", "data-edge": key },
      el(
        "div",
        { class: "relation-head" },
        entityButton(ctx, other),
        relationTags(attributes),
        relationButton(ctx, key),
      ),
      ...attributes.evidence.map((evidence) => quoteButton(evidence, open)),
    );
    groups.set(heading, [...(groups.get(heading) ?? []), item]);
  }
  if (groups.size === 0) return el("p", { class: "muted" }, "No relations.");
  const section = el("section", { class: "relations", "aria-label": "Relations" }, el("h3", {}, "Relations"));
  for (const [heading, items] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    section.append(el("h4", {}, heading), el("ul", {}, ...items));
  }
  if (detail.truncated) {
    section.append(el("p", { class: "muted" }, `The first ${detail.edges.length} of ${detail.degree} relations.`));
  }
  return section;
}

/** What the panel shows while the details load, or when they cannot. */
function pending(text: string, failed = false): HTMLElement {
  return failed
    ? el("p", { class: "error", role: "alert" }, text)
    : el("p", { class: "muted", "data-loading": "true" }, text);
}

/** Modality, stance, co-occurrence and review state as tags (see claim.ts), then the confidence. */
function relationTags(attributes: ClaimAttributes & { confidence?: number }): HTMLElement {
  const confidence = attributes.confidence === undefined ? [] : [`${Math.round(attributes.confidence * 100)}%`];
  return claimTagsElement(attributes, confidence);
}

/** The claim fields of a relation's details, leaving out the ones it lacks. */
function pickClaim(attributes: EdgeDetailAttributes): Partial<ClaimAttributes> {
  const { modality, stance, status, kind } = attributes;
  return Object.fromEntries(Object.entries({ modality, stance, status, kind }).filter(([, v]) => v !== undefined));
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

/** Renders the selection into #node-panel and opens documents on demand. */
export function createPanelController(ctx: PageContext): Controller {
  const panel = byId("node-panel");
  const { graph, ui } = ctx;
  // Bumped by every new panel content: an answer (details, a document) for an older one is dropped.
  let panelRequest = 0;
  // Where the keyboard focus was when the panel opened: it goes back there when the panel closes.
  let returnFocus: HTMLElement | null = null;
  const clear = () => ui.set({ selection: null, reading: null });

  /** Shows `reading`'s document, at its quote when it has one, and moves the focus into it. */
  const renderDocument = async (reading: Reading) => {
    const request = panelRequest;
    const back = el("button", { type: "button", class: "back" }, "← Back");
    back.addEventListener("click", () => {
      ui.set({ reading: null });
      panel.focus();
    });
    // Back goes to the selection the document was opened from; a document opened from the list has none.
    const kicker = reading.over ? back : el("p", { class: "kicker" }, "Source document");
    panel.replaceChildren(panelHeader("Source document", kicker, clear), el("p", { class: "muted" }, "Loading…"));
    panel.dataset.view = "document";
    // The quote button that had the focus is gone: the panel holds it until the document is there.
    panel.focus();
    try {
      const doc = await fetchDocument(reading.doc);
      if (request !== panelRequest) return;
      const { element, mark } = highlightedText(doc.text, reading.evidence);
      const view = el(
        "article",
        { class: "document-view", "data-testid": "document-view", tabindex: "-1", "aria-label": "Source document" },
        documentMeta(doc),
        element,
      );
      panel.replaceChildren(panelHeader(documentTitle(doc), kicker, clear), view);
      view.focus({ preventScroll: true });
      if (mark) mark.scrollIntoView({ block: "center" });
      else panel.scrollTop = 0;
    } catch (error) {
      if (request !== panelRequest) return;
      panel.replaceChildren(
        panelHeader("Source document", kicker, clear),
        el("p", { class: "error", role: "alert" }, `Cannot open document ${reading.doc}: ${(error as Error).message}`),
        reading.evidence ? el("blockquote", {}, reading.evidence.quote) : "",
      );
    }
  };
  const open = (evidence: Evidence) => ui.set({ reading: { doc: evidence.doc, evidence, over: ui.state.selection } });

  /** Fetches the details of the current selection; `show` runs only if it is still the one selected. */
  const load = <T>(fetchDetail: () => Promise<T>, show: (detail: T) => void, what: string) => {
    const request = ++panelRequest;
    fetchDetail().then(
      (detail) => {
        if (request === panelRequest) show(detail);
      },
      (error: unknown) => {
        if (request !== panelRequest) return;
        panel
          .querySelector("[data-loading]")
          ?.replaceWith(pending(`Cannot load ${what}: ${(error as Error).message}`, true));
      },
    );
  };

  const renderNode = (node: string, detail: NodeDetail | null) => {
    const a = { ...graph.getNodeAttributes(node), ...detail?.attributes };
    const kind = [typeLabel(ctx, a.type), detail?.attributes.subtype].filter(Boolean).join(" · ");
    const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
    swatch.style.background = graph.getNodeAttribute(node, "color");
    const aliases = (a.aliases ?? []).filter((alias) => alias !== a.label);
    panel.replaceChildren(
      ...[
        panelHeader(a.label, el("p", { class: "kicker" }, swatch, kind), clear),
        detail?.attributes.description ? el("p", { class: "description" }, detail.attributes.description) : null,
        aliases.length ? facts([["Also known as", aliases.join(", ")]]) : null,
        detail ? relationsOf(ctx, detail, open) : pending("Loading relations…"),
      ].filter((child): child is HTMLElement => child !== null),
    );
    panel.dataset.view = "node";
    if (!detail)
      load(
        () => fetchNodeDetail(node),
        (loaded) => renderNode(node, loaded),
        "the relations",
      );
  };

  const renderEdge = (edge: string, detail: EdgeDetail | null) => {
    const a = graph.getEdgeAttributes(edge);
    const [source, target] = graph.extremities(edge);
    const openRelation = isOpenRelation(a);
    // The detail's modality and stance win over the drawing payload's once loaded (the same values when both say).
    const claim = { ...a, ...(detail ? pickClaim(detail.attributes) : {}) };
    const phrase = claimPhrase(claim);
    const kicker = `${isCandidate(claim) ? "Candidate relation" : "Relation"}${openRelation ? " (open)" : ""}`;
    const head = [
      panelHeader(phrase, el("p", { class: "kicker" }, kicker), clear),
      el("p", { class: "edge-line" }, entityButton(ctx, source), ` ${phrase} → `, entityButton(ctx, target)),
      claimTagsElement(claim),
      openRelation ? el("p", { class: "open-relation", "data-open-relation": "true" }, describeRelation(a)) : "",
    ];
    panel.dataset.view = "edge";
    if (!detail) {
      panel.replaceChildren(...head, pending("Loading evidence…"));
      load(
        () => fetchEdgeDetail(edge),
        (loaded) => renderEdge(edge, loaded),
        "the evidence",
      );
      return;
    }
    const d = detail.attributes;
    const q = d.qualifiers ?? {};
    panel.replaceChildren(
      ...head,
      facts([
        ["Stance", d.stance],
        ["Modality", d.modality],
        ["Confidence", d.confidence === undefined ? undefined : d.confidence.toFixed(2)],
        ["Source", d.source],
        ["Status", d.status],
        ["Wikidata", d.wikidata],
        ["Reported", reportedRange(d.firstReported, d.lastReported)],
        ["Time", q.time],
        ["Duration", q.duration],
        ["Role", q.role],
      ]),
      d.status === "candidate" ? reviewActions(edge) : "",
      statingDocuments(detail.documents),
      el("h3", {}, "Evidence"),
      el("ul", { class: "evidence" }, ...d.evidence.map((e) => el("li", {}, quoteButton(e, open)))),
    );
  };

  const render = (state: UiState) => {
    panelRequest++;
    const { selection } = state;
    // A document stays open only over the selection it was opened from.
    const reading = state.reading && state.reading.over === selection ? state.reading : null;
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (panel.hidden) returnFocus = active && active !== document.body && !panel.contains(active) ? active : null;
    const node = selection?.kind === "node" && graph.hasNode(selection.id) ? selection.id : null;
    const edge = selection?.kind === "edge" && graph.hasEdge(selection.id) ? selection.id : null;
    if (!reading && !node && !edge) {
      const hadFocus = active !== null && panel.contains(active);
      panel.hidden = true;
      panel.replaceChildren();
      delete panel.dataset.view;
      if (hadFocus) (returnFocus?.isConnected ? returnFocus : byId("search-input")).focus();
      returnFocus = null;
      return;
    }
    // Shown first: the document view takes the focus as it opens.
    panel.hidden = false;
    if (reading) void renderDocument(reading);
    else if (node) renderNode(node, null);
    else if (edge) renderEdge(edge, null);
  };

  const unsubscribe = ui.subscribe((state, previous) => {
    if (state.selection !== previous.selection || state.reading !== previous.reading) render(state);
  });
  render(ui.state);
  return {
    kill() {
      unsubscribe();
      panelRequest++;
    },
  };
}
