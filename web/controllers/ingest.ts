/**
 * Ingest controller: the "Add article" dialog, which posts an article, re-fetches the graph and highlights what it added.
 */
import { postDocument, type ArticleInput, type IngestResult } from "../app/api.ts";
import { claimPhrase, claimTagsElement, isCandidate } from "../app/claim.ts";
import type { PageContext } from "../app/context.ts";
import { byId, el, listen } from "../app/dom.ts";
import type { Controller, Highlight, GraphReload } from "../app/types.ts";
import { focusNode } from "./selection.ts";

/** The async state of the form: a status union, as every async piece of the page. */
export type IngestState =
  { type: "idle" } | { type: "sending" } | { type: "error"; message: string } | { type: "done"; result: IngestResult };

/**
 * The form's fields as the API wants them: trimmed, optional ones left out when empty. A web address with no text
 * asks the server to fetch the page (the title then optional); beside a text it is kept as the article's address.
 */
export function readForm(form: HTMLFormElement): ArticleInput {
  const value = (name: string) => String(new FormData(form).get(name) ?? "").trim();
  const text = String(new FormData(form).get("text") ?? "");
  const url = value("url");
  const article: ArticleInput = url && !text.trim() ? {} : { title: value("title"), text };
  if (url) article.url = url;
  if (url && value("title")) article.title = value("title");
  if (value("author")) article.author = value("author");
  if (value("date")) article.date = value("date");
  return article;
}

/** What to highlight: the new entities, the existing ones the article was merged into, and the new relations. */
export function highlightOf(ctx: PageContext, result: IngestResult): Highlight {
  const nodes = [...result.newEntities, ...result.mergedEntities.map((m) => m.entity)];
  return {
    nodes: new Set(nodes.filter((node) => ctx.graph.hasNode(node))),
    edges: new Set(result.newRelations.filter((edge) => ctx.graph.hasEdge(edge))),
  };
}

/** A list item that selects an entity of the graph (plain text when the graph no longer has it). */
function entityItem(ctx: PageContext, node: string): HTMLLIElement {
  if (!ctx.graph.hasNode(node)) return el("li", {}, node);
  const label = ctx.graph.getNodeAttribute(node, "label");
  const button = el("button", { type: "button", class: "entity-link", "data-node": node }, label);
  button.addEventListener("click", () => focusNode(ctx, node));
  return el("li", {}, button);
}

/** A list item that selects a relation: "source — label → target", worded and tagged as the text commits to it. */
function relationItem(ctx: PageContext, edge: string): HTMLLIElement {
  if (!ctx.graph.hasEdge(edge)) return el("li", {}, edge);
  const { graph, ui } = ctx;
  const [source, target] = graph.extremities(edge);
  const attributes = graph.getEdgeAttributes(edge);
  const text = `${graph.getNodeAttribute(source, "label")} — ${claimPhrase(attributes)} → ${graph.getNodeAttribute(target, "label")}`;
  const button = el("button", { type: "button", class: "entity-link", "data-edge": edge }, text);
  button.addEventListener("click", () => ui.set({ selection: { kind: "edge", id: edge } }));
  return el(
    "li",
    { class: isCandidate(attributes) ? "relation candidate" : "relation" },
    button,
    claimTagsElement(attributes),
  );
}

/** A titled list, or nothing when it would be empty. */
function section(title: string, items: HTMLLIElement[]): HTMLElement[] {
  if (items.length === 0) return [];
  return [el("h3", {}, `${title} (${items.length})`), el("ul", { class: "ingest-list" }, ...items)];
}

/** The summary of an ingest, with links into the graph. */
function summary(ctx: PageContext, result: IngestResult, onClear: () => void): HTMLElement[] {
  const clear = el("button", { type: "button", "data-testid": "add-article-clear" }, "Clear highlight");
  clear.addEventListener("click", onClear);
  const merged = result.mergedEntities.map((m) => {
    const target = ctx.graph.hasNode(m.entity) ? ctx.graph.getNodeAttribute(m.entity, "label") : m.entity;
    return el("li", {}, `“${m.label}” → ${target} (${m.rule})`);
  });
  const counts = [
    result.corroborated.length ? `${result.corroborated.length} curated relations corroborated` : "",
    result.skipped.length ? `${result.skipped.length} extracted relations skipped` : "",
  ].filter(Boolean);
  return [
    el("p", { class: "ingest-title" }, `Added “${result.document.title}”`),
    ...section(
      "New entities",
      result.newEntities.map((node) => entityItem(ctx, node)),
    ),
    ...section(
      "New relations",
      result.newRelations.map((edge) => relationItem(ctx, edge)),
    ),
    ...section("Merged into existing entities", merged),
    counts.length ? el("p", { class: "muted" }, counts.join(" · ")) : null,
    result.newEntities.length + result.newRelations.length === 0
      ? el("p", { class: "muted" }, "Nothing new: the graph already held everything this article says.")
      : null,
    clear,
  ].filter((child): child is HTMLElement => child !== null);
}

/** Wires #add-article-dialog: open, submit, show the server's error or the summary, and the highlight. */
export function createIngestController(ctx: PageContext, reload: GraphReload): Controller {
  const dialog = byId<HTMLDialogElement>("add-article-dialog");
  const form = byId<HTMLFormElement>("add-article-form");
  const errorLine = byId("add-article-error");
  const submit = byId<HTMLButtonElement>("add-article-submit");
  const resultBox = byId("add-article-result");
  const opener = byId<HTMLButtonElement>("add-article-open");
  let state: IngestState = { type: "idle" };
  let alive = true;

  const clearHighlight = () => {
    ctx.ui.set({ highlight: null });
    resultBox.replaceChildren();
  };
  const render = () => {
    submit.disabled = state.type === "sending";
    submit.textContent = state.type === "sending" ? "Adding…" : "Add";
    errorLine.hidden = state.type !== "error";
    errorLine.textContent = state.type === "error" ? state.message : "";
    if (state.type === "done") resultBox.replaceChildren(...summary(ctx, state.result, clearHighlight));
  };
  const send = async () => {
    state = { type: "sending" };
    render();
    try {
      const result = await postDocument(readForm(form));
      await reload();
      if (!alive) return;
      state = { type: "done", result };
      ctx.ui.set({ highlight: highlightOf(ctx, result) });
      form.reset();
      dialog.close();
      ctx.announce(
        `Added “${result.document.title}” (${result.newEntities.length} new entities, ${result.newRelations.length} ` +
          `new relations); now ${ctx.graph.order} entities, ${ctx.graph.size} relations`,
      );
    } catch (error) {
      if (!alive) return;
      state = { type: "error", message: (error as Error).message };
    }
    render();
  };

  const offs = [
    listen(opener, "click", () => {
      state = state.type === "error" ? { type: "idle" } : state;
      render();
      dialog.showModal();
    }),
    listen(byId("add-article-cancel"), "click", () => dialog.close()),
    listen(form, "submit", (event) => {
      event.preventDefault();
      if (state.type !== "sending") void send();
    }),
    // Escape clears the highlight when nothing else (the dialog, a panel, a text field) is using the key.
    listen(document, "keydown", (event) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== "Escape" || dialog.open || !ctx.ui.state.highlight) return;
      if (target?.closest("input, textarea, select, #node-panel")) return;
      clearHighlight();
    }),
  ];
  return {
    kill() {
      alive = false;
      for (const off of offs) off();
      if (dialog.open) dialog.close();
      resultBox.replaceChildren();
    },
  };
}
