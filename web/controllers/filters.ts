/**
 * Filters controller: predicate checkboxes and the "N of M nodes visible" count (type toggles live in the legend).
 */
import type { PageContext } from "../app/context.ts";
import { byId, el } from "../app/dom.ts";
import type { Controller, UiState } from "../app/types.ts";

/** Renders #predicate-list and keeps #visible-count current. */
export function createFiltersController(ctx: PageContext): Controller {
  const list = byId<HTMLUListElement>("predicate-list");
  const countLine = byId("visible-count");
  const counts = ctx.counts.predicates;
  const boxes = new Map<string, HTMLInputElement>();
  const predicates = ctx.ontology.predicates
    .filter((p) => counts.has(p.id))
    .sort((a, b) => a.label.localeCompare(b.label));
  for (const predicate of predicates) {
    const box = el("input", { type: "checkbox", checked: true, "data-predicate": predicate.id });
    box.addEventListener("change", () => {
      const hidden = new Set(ctx.store.state.hiddenPredicates);
      if (box.checked) hidden.delete(predicate.id);
      else hidden.add(predicate.id);
      ctx.store.set({ hiddenPredicates: hidden });
    });
    boxes.set(predicate.id, box);
    list.append(
      el(
        "li",
        {},
        el(
          "label",
          {},
          box,
          el("span", {}, predicate.label),
          el("span", { class: "count" }, String(counts.get(predicate.id))),
        ),
      ),
    );
  }
  const sync = (state: UiState) => {
    for (const [id, box] of boxes) box.checked = !state.hiddenPredicates.has(id);
    countLine.textContent = `${ctx.visibility().visibleNodeCount} of ${ctx.graph.order} nodes visible`;
  };
  sync(ctx.store.state);
  const unsubscribe = ctx.store.subscribe((state, previous) => {
    if (state.hiddenTypes !== previous.hiddenTypes || state.hiddenPredicates !== previous.hiddenPredicates) sync(state);
  });
  return {
    kill() {
      unsubscribe();
      list.replaceChildren();
    },
  };
}
