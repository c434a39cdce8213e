/**
 * Review queue controller: the panel listing every relation awaiting review, each with its quote, sortable by
 * document, confidence or entity, and decided from the keyboard — A accepts, R rejects, S (or ↓) skips, ↑ goes back.
 * Decisions go through the same write API as the edge panel's buttons, then the page re-fetches the graph.
 */
import { decideRelation, fetchCandidates, fetchDocument, MAX_CANDIDATES, type Triple } from "../app/api.ts";
import { claimPhrase, claimTagsElement } from "../app/claim.ts";
import type { PageContext } from "../app/context.ts";
import { byId, el, listen } from "../app/dom.ts";
import {
  indexOf,
  QUEUE_ORDERS,
  quotedDocuments,
  sortQueue,
  type QueueItem,
  type QueueOrder,
} from "../app/reviewQueue.ts";
import type { Controller, GraphReload } from "../app/types.ts";
import type { Decision } from "./review.ts";
import { relistOnGraphChange, sayInPanel, showSidePanel, sidePanelHeader } from "./sidePanel.ts";

/** The queue's state: a status union, as every async piece of the page. */
export type QueueState =
  | { type: "closed" }
  | { type: "loading" }
  | { type: "error"; message: string }
  | { type: "ready"; items: QueueItem[]; total: number; current: number; busy: boolean };

const KEY_HELP = "Keys: A accept · R reject · S or ↓ skip · ↑ back · Enter show in graph · Esc close";

/** Wires #review-open and renders #review-queue. */
export function createReviewQueueController(ctx: PageContext, reload: GraphReload): Controller {
  const panel = byId("review-queue");
  const opener = byId<HTMLButtonElement>("review-open");
  const titles = new Map<string, string>();
  let state: QueueState = { type: "closed" };
  let order: QueueOrder = "document";
  let request: AbortController | null = null;
  let alive = true;

  const set = (next: QueueState, focus = false) => {
    state = next;
    render();
    if (focus) focusCurrent();
  };

  /** Loads the candidates and their documents' titles; keeps the current relation current when it is still there. */
  const load = async (focus: boolean) => {
    request?.abort();
    const controller = (request = new AbortController());
    const keep = state.type === "ready" ? state.items[state.current]?.triple.id : undefined;
    if (state.type !== "ready") set({ type: "loading" });
    try {
      const { triples, total } = await fetchCandidates(controller.signal);
      const missing = quotedDocuments(triples).filter((doc) => !titles.has(doc));
      const found = await Promise.all(
        missing.map((doc) =>
          fetchDocument(doc).then(
            (d) => d.meta.title,
            () => doc,
          ),
        ),
      );
      missing.forEach((doc, i) => titles.set(doc, found[i]));
      if (controller.signal.aborted || !alive || state.type === "closed") return;
      const titleOf = (triple: Triple) => titles.get(triple.evidence[0]?.doc ?? "") ?? "";
      const items = sortQueue(
        triples.map((triple) => ({ triple, document: titleOf(triple) })),
        order,
      );
      set({ type: "ready", items, total, current: indexOf(items, keep), busy: false }, focus);
    } catch (error) {
      if ((error as Error).name === "AbortError" || !alive) return;
      set({ type: "error", message: `Cannot list the candidates: ${(error as Error).message}` });
    }
  };

  const focusCurrent = () => {
    const item = panel.querySelector<HTMLElement>('[data-testid="review-item"][aria-current="true"]');
    (item ?? panel).focus();
  };

  const move = (by: number) => {
    if (state.type !== "ready" || state.items.length === 0) return;
    const current = (state.current + by + state.items.length) % state.items.length;
    set({ ...state, current }, true);
  };

  const decide = async (index: number, decision: Decision) => {
    if (state.type !== "ready" || state.busy || !state.items[index]) return;
    const { triple } = state.items[index];
    set({ ...state, current: index, busy: true });
    say(decision === "accept" ? "Accepting…" : "Rejecting…");
    try {
      await decideRelation(triple.id, decision);
      await reload();
      if (!alive || state.type !== "ready") return;
      const items = state.items.filter((item) => item.triple.id !== triple.id);
      const current = Math.min(index, Math.max(0, items.length - 1));
      set({ type: "ready", items, total: state.total - 1, current, busy: false }, true);
      const line = `${triple.subject.label} — ${claimPhrase(triple)} → ${triple.object.label}`;
      say(`${decision === "accept" ? "Accepted" : "Rejected"}: ${line}`);
    } catch (error) {
      if (!alive || state.type !== "ready") return;
      set({ ...state, busy: false }, true);
      say(`Cannot ${decision} this relation: ${(error as Error).message}`, true);
    }
  };

  const say = (message: string, failed = false) => sayInPanel(panel, "data-queue-status", message, failed);

  const itemElement = (item: QueueItem, index: number, current: boolean, busy: boolean): HTMLLIElement => {
    const { triple } = item;
    const action = (decision: Decision | "skip", label: string) => {
      const button = el(
        "button",
        { type: "button", "data-action": decision, "data-testid": `review-${decision}`, disabled: busy },
        label,
      );
      button.addEventListener("click", () => (decision === "skip" ? move(1) : void decide(index, decision)));
      return button;
    };
    const li = el(
      "li",
      {
        class: current ? "review-item current" : "review-item",
        "data-testid": "review-item",
        "data-edge": triple.id,
        "data-confidence": triple.confidence,
        tabindex: current ? "0" : "-1",
        "aria-current": current ? "true" : undefined,
      },
      el(
        "p",
        { class: "review-line" },
        el("strong", {}, triple.subject.label),
        ` ${claimPhrase(triple)} → `,
        el("strong", {}, triple.object.label),
      ),
      claimTagsElement(triple, [`${Math.round(triple.confidence * 100)}%`]),
      el("p", { class: "review-doc muted" }, item.document),
      ...triple.evidence.map((e) => el("blockquote", { class: "review-quote" }, `“${e.quote}”`)),
      el(
        "div",
        { class: "field-row review-actions" },
        action("accept", "Accept"),
        action("reject", "Reject"),
        action("skip", "Skip"),
      ),
    );
    li.addEventListener("click", (event) => {
      if (state.type !== "ready" || (event.target as HTMLElement).closest("button")) return;
      set({ ...state, current: index }, true);
    });
    return li;
  };

  const header = (title: string) => sidePanelHeader(title, "Close the review queue", closeQueue);

  const sortControl = (): HTMLElement => {
    const select = el("select", { id: "review-sort", "data-testid": "review-sort" });
    for (const { id, label } of QUEUE_ORDERS) select.append(el("option", { value: id, selected: id === order }, label));
    select.addEventListener("change", () => {
      order = select.value as QueueOrder;
      if (state.type !== "ready") return;
      const id = state.items[state.current]?.triple.id;
      const items = sortQueue(state.items, order);
      set({ ...state, items, current: indexOf(items, id) });
      byId("review-sort").focus();
    });
    return el("div", { class: "field review-sort" }, el("label", { for: "review-sort" }, "Sort by"), select);
  };

  const render = () => {
    showSidePanel(ctx, panel, opener, state.type !== "closed");
    if (state.type === "closed") return panel.replaceChildren();
    if (state.type === "loading")
      return panel.replaceChildren(header("Candidates"), el("p", { class: "muted" }, "Loading…"));
    if (state.type === "error") {
      return panel.replaceChildren(header("Candidates"), el("p", { class: "error", role: "alert" }, state.message));
    }
    const { items, total, current, busy } = state;
    const title = items.length === 1 ? "1 candidate to review" : `${items.length} candidates to review`;
    panel.replaceChildren(
      header(title),
      sortControl(),
      el("p", { class: "muted review-help" }, KEY_HELP),
      total > items.length ? el("p", { class: "muted" }, `The first ${MAX_CANDIDATES} of ${total}.`) : "",
      el("p", { class: "review-status", role: "status", "data-queue-status": true }),
      items.length === 0
        ? el("p", { class: "muted" }, "Nothing left to review.")
        : el("ol", { class: "review-list" }, ...items.map((item, i) => itemElement(item, i, i === current, busy))),
    );
  };

  const openQueue = () => {
    set({ type: "loading" });
    void load(true);
  };
  const closeQueue = () => {
    request?.abort();
    set({ type: "closed" });
    opener.focus();
  };

  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (event.key === "Escape") {
      // Closing the queue is all this Escape does (the page's Escape would also close the details panel).
      event.preventDefault();
      return closeQueue();
    }
    if (state.type !== "ready" || target.closest("select, input, textarea") || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    // Enter on a button is that button's click.
    if (event.key === "Enter" && target.closest("button")) return;
    const handled: Record<string, () => void> = {
      a: () => void decide(state.type === "ready" ? state.current : -1, "accept"),
      r: () => void decide(state.type === "ready" ? state.current : -1, "reject"),
      s: () => move(1),
      arrowdown: () => move(1),
      arrowup: () => move(-1),
      enter: () => {
        if (state.type !== "ready") return;
        const item = state.items[state.current];
        if (item && ctx.graph.hasEdge(item.triple.id)) ctx.ui.set({ selection: { kind: "edge", id: item.triple.id } });
      },
    };
    const act = handled[key];
    if (!act) return;
    event.preventDefault();
    act();
  };

  // New candidates (an added article) or decisions taken elsewhere (the edge panel): list again while open.
  const stopRelisting = relistOnGraphChange(
    ctx,
    ["edgeAdded", "edgeDropped", "edgeAttributesUpdated", "cleared"],
    () => state.type === "ready" && !state.busy,
    () => void load(false),
  );
  const offs = [
    listen(opener, "click", () => (state.type === "closed" ? openQueue() : closeQueue())),
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
