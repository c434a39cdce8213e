/**
 * Merge list controller: the panel listing the entity merges resolution recorded — rule, kept entity, the names merged
 * away and the document — where choosing the kept entity shows it in the graph and "Revert" (offered only when the
 * server takes the page's writes) undoes a merge through the write API, then the page re-fetches the graph.
 */
import { fetchMerges, MAX_MERGES, revertMerge, type RecordedMerge } from "../app/api.ts";
import type { PageContext } from "../app/context.ts";
import { byId, el, listen } from "../app/dom.ts";
import { MERGE_RULE_LABELS, mergedNames, sortMerges } from "../app/mergeList.ts";
import type { Controller, GraphReload } from "../app/types.ts";
import { focusNode } from "./selection.ts";
import { relistOnGraphChange, sayInPanel, showSidePanel, sidePanelHeader } from "./sidePanel.ts";

/** The list's state: a status union, as every async piece of the page. */
export type MergeListState =
  | { type: "closed" }
  | { type: "loading" }
  | { type: "error"; message: string }
  | { type: "ready"; merges: RecordedMerge[]; total: number; canRevert: boolean; busy: boolean };

/** Wires #merges-open and renders #merge-list. */
export function createMergeListController(ctx: PageContext, reload: GraphReload): Controller {
  const panel = byId("merge-list");
  const opener = byId<HTMLButtonElement>("merges-open");
  let state: MergeListState = { type: "closed" };
  let request: AbortController | null = null;
  let alive = true;

  const isOpen = () => state.type !== "closed";
  const set = (next: MergeListState) => {
    state = next;
    render();
  };

  const load = async () => {
    request?.abort();
    const controller = (request = new AbortController());
    if (state.type !== "ready") set({ type: "loading" });
    try {
      const { merges, total, writes } = await fetchMerges(controller.signal);
      if (controller.signal.aborted || !alive || state.type === "closed") return;
      // The page sends no token: only a server open to local writes takes its "Revert".
      set({ type: "ready", merges: sortMerges(merges), total, canRevert: writes === "open", busy: false });
    } catch (error) {
      if ((error as Error).name === "AbortError" || !alive) return;
      set({ type: "error", message: `Cannot list the merges: ${(error as Error).message}` });
    }
  };

  const say = (message: string, failed = false) => sayInPanel(panel, "data-merge-status", message, failed);

  const revert = async (merge: RecordedMerge) => {
    if (state.type !== "ready" || state.busy) return;
    set({ ...state, busy: true });
    say("Reverting…");
    try {
      await revertMerge(merge.id);
      await reload();
      // Closed while the graph reloaded: nothing left to list.
      if (!alive || !isOpen()) return;
      await load();
      say(`Reverted: “${merge.merged.label}” is now an entity of its own, apart from ${merge.entity.label}`);
    } catch (error) {
      if (!alive || state.type !== "ready") return;
      set({ ...state, busy: false });
      say(`Cannot revert this merge: ${(error as Error).message}`, true);
    }
  };

  const show = (merge: RecordedMerge) => {
    const { id, label } = merge.entity;
    if (!ctx.graph.hasNode(id) && !ctx.overview) return ctx.announce(`${label} is not in the graph shown`);
    focusNode(ctx, id);
    ctx.announce(`Selected ${label}`);
  };

  const itemElement = (merge: RecordedMerge, canRevert: boolean, busy: boolean): HTMLLIElement => {
    const entity = el("button", { type: "button", class: "entity-link", "data-testid": "merge-entity" });
    entity.textContent = merge.entity.label;
    entity.addEventListener("click", () => show(merge));
    const tags = el("p", { class: "tags" }, el("span", { class: "tag" }, MERGE_RULE_LABELS[merge.rule]));
    if (merge.reverted) tags.append(el("span", { class: "tag", "data-testid": "merge-reverted" }, "reverted"));
    let action: HTMLButtonElement | "" = "";
    if (canRevert && !merge.reverted) {
      action = el("button", { type: "button", "data-testid": "merge-revert", disabled: busy }, "Revert");
      action.addEventListener("click", () => void revert(merge));
    }
    return el(
      "li",
      {
        class: merge.reverted ? "merge-item reverted" : "merge-item",
        "data-testid": "merge-item",
        "data-merge": merge.id,
      },
      el("p", { class: "merge-line" }, entity, " ← ", el("strong", {}, mergedNames(merge))),
      tags,
      el("p", { class: "review-doc muted" }, merge.document.title),
      action ? el("div", { class: "field-row review-actions" }, action) : "",
    );
  };

  const header = (title: string) => sidePanelHeader(title, "Close the merge list", closeList);

  const render = () => {
    showSidePanel(ctx, panel, opener, isOpen());
    if (state.type === "closed") return panel.replaceChildren();
    if (state.type === "loading")
      return panel.replaceChildren(header("Merged names"), el("p", { class: "muted" }, "Loading…"));
    if (state.type === "error")
      return panel.replaceChildren(header("Merged names"), el("p", { class: "error", role: "alert" }, state.message));
    const { merges, total, canRevert, busy } = state;
    panel.replaceChildren(
      header(merges.length === 1 ? "1 merged name" : `${merges.length} merged names`),
      el(
        "p",
        { class: "muted review-help" },
        "Names the articles use, joined to an entity of the graph. Choose the entity to show it" +
          (canRevert ? "; Revert makes the name an entity of its own." : "."),
      ),
      total > merges.length ? el("p", { class: "muted" }, `The first ${MAX_MERGES} of ${total}.`) : "",
      el("p", { class: "review-status", role: "status", "data-merge-status": true }),
      merges.length === 0
        ? el("p", { class: "muted" }, "No merges recorded: every name read so far became an entity of its own.")
        : el("ol", { class: "review-list" }, ...merges.map((m) => itemElement(m, canRevert, busy))),
    );
  };

  const openList = () => {
    set({ type: "loading" });
    void load().then(() => panel.focus());
  };
  const closeList = () => {
    request?.abort();
    set({ type: "closed" });
    opener.focus();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    // Closing the list is all this Escape does (the page's Escape would also close the details panel).
    event.preventDefault();
    closeList();
  };

  // An added article may have merged names: list again while open.
  const stopRelisting = relistOnGraphChange(
    ctx,
    ["nodeAdded", "nodeDropped", "cleared"],
    () => state.type === "ready" && !state.busy,
    () => void load(),
  );
  const offs = [
    listen(opener, "click", () => (state.type === "closed" ? openList() : closeList())),
    listen(panel, "keydown", onKey),
  ];
  render();
  return {
    kill() {
      alive = false;
      request?.abort();
      stopRelisting();
      for (const off of offs) off();
    },
  };
}
