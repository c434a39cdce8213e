/**
 * Review controller: the "candidate relations" toggle and the edge panel's Accept / Reject buttons.
 *
 * The panel draws the buttons (it owns the panel's markup); this controller acts on them by event delegation, so the
 * panel needs no access to the write API or the graph reload.
 */
import { decideRelation } from "../app/api.ts";
import type { PageContext } from "../app/context.ts";
import { byId, listen } from "../app/dom.ts";
import type { Controller, UiState, GraphReload } from "../app/types.ts";

/** A review decision, as the panel's buttons carry it in `data-decision`. */
export type Decision = "accept" | "reject";

/** Number of relations still awaiting review. */
export function countCandidates(ctx: PageContext): number {
  return ctx.graph.filterEdges((_edge, attributes) => attributes.status === "candidate").length;
}

/** Wires #show-candidates, #candidate-count and the panel's decision buttons. */
export function createReviewController(ctx: PageContext, reload: GraphReload): Controller {
  const toggle = byId<HTMLInputElement>("show-candidates");
  const countLine = byId("candidate-count");
  const panel = byId("node-panel");
  let alive = true;
  let frame = 0;

  const sync = (state: UiState) => {
    toggle.checked = state.showCandidates;
    countLine.textContent = String(countCandidates(ctx));
  };
  const decide = async (button: HTMLButtonElement, edge: string, decision: Decision) => {
    const status = panel.querySelector<HTMLElement>("[data-review-status]");
    for (const b of panel.querySelectorAll<HTMLButtonElement>("[data-decision]")) b.disabled = true;
    if (status) status.textContent = decision === "accept" ? "Accepting…" : "Rejecting…";
    try {
      await decideRelation(edge, decision);
      await reload();
      if (!alive) return;
      const done = decision === "accept" ? "Relation accepted" : "Relation rejected and removed from the graph";
      ctx.announce(`${done}; now ${ctx.graph.order} entities, ${ctx.graph.size} relations`);
      sync(ctx.ui.state);
    } catch (error) {
      if (!alive) return;
      button.disabled = false;
      if (status) {
        status.textContent = `Cannot ${decision} this relation: ${(error as Error).message}`;
        status.classList.add("error");
      }
    }
  };

  const offs = [
    listen(toggle, "change", () => ctx.ui.set({ showCandidates: toggle.checked })),
    listen(panel, "click", (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-decision]");
      const edge = button?.dataset.edge;
      const decision = button?.dataset.decision;
      if (!button || !edge || (decision !== "accept" && decision !== "reject")) return;
      void decide(button, edge, decision);
    }),
    ctx.ui.subscribe((state, previous) => {
      if (state.showCandidates !== previous.showCandidates) sync(state);
    }),
  ];
  // The count follows the graph itself, which a write changes in place (an ingest adds candidates, a review drops them).
  const recount = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      sync(ctx.ui.state);
    });
  };
  const GRAPH_EVENTS = ["edgeAdded", "edgeDropped", "edgeAttributesUpdated", "cleared"] as const;
  for (const name of GRAPH_EVENTS) ctx.graph.on(name, recount);
  sync(ctx.ui.state);
  return {
    kill() {
      alive = false;
      cancelAnimationFrame(frame);
      for (const name of GRAPH_EVENTS) ctx.graph.off(name, recount);
      for (const off of offs) off();
    },
  };
}
