/**
 * Filters controller: predicate checkboxes and the "N of M nodes visible" count (type toggles live in the legend).
 * A predicate that carries open relations (verbs that map to no predicate) is filtered like any other but tagged
 * "open", and the key under the legend explains the open relations' colour when the graph has any.
 */
import type { PageContext } from "../app/context.ts";
import { byId, el } from "../app/dom.ts";
import { isOpenRelation, OPEN_RELATION_NOTE } from "../app/relationKind.ts";
import type { Controller, UiState } from "../app/types.ts";

/** Predicates of the graph's open relations. */
function openPredicates(ctx: PageContext): Set<string> {
  const open = new Set<string>();
  ctx.graph.forEachEdge((_edge, attributes) => {
    if (isOpenRelation(attributes)) open.add(attributes.predicate);
  });
  return open;
}

/** Renders #predicate-list, shows #open-key when there are open relations and keeps #visible-count current. */
export function createFiltersController(ctx: PageContext): Controller {
  const list = byId<HTMLUListElement>("predicate-list");
  const countLine = byId("visible-count");
  const openKey = byId("open-key");
  const open = openPredicates(ctx);
  openKey.hidden = open.size === 0;
  const counts = ctx.counts.predicates;
  const boxes = new Map<string, HTMLInputElement>();
  const predicates = ctx.ontology.predicates
    .filter((p) => counts.has(p.id))
    .sort((a, b) => a.label.localeCompare(b.label));
  for (const predicate of predicates) {
    const box = el("input", { type: "checkbox", checked: true, "data-predicate": predicate.id });
    box.addEventListener("change", () => {
      const hidden = new Set(ctx.ui.state.hiddenPredicates);
      if (box.checked) hidden.delete(predicate.id);
      else hidden.add(predicate.id);
      ctx.ui.set({ hiddenPredicates: hidden });
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
          open.has(predicate.id) ? el("span", { class: "tag tag-open", title: OPEN_RELATION_NOTE }, "open") : null,
          el("span", { class: "count" }, String(counts.get(predicate.id))),
        ),
      ),
    );
  }
  const sync = (state: UiState) => {
    for (const [id, box] of boxes) box.checked = !state.hiddenPredicates.has(id);
    countLine.textContent = `${ctx.visibility().visibleNodeCount} of ${ctx.graph.order} nodes visible`;
  };
  sync(ctx.ui.state);
  const unsubscribe = ctx.ui.subscribe((state, previous) => {
    if (state.hiddenTypes !== previous.hiddenTypes || state.hiddenPredicates !== previous.hiddenPredicates) sync(state);
  });
  return {
    kill() {
      unsubscribe();
      list.replaceChildren();
    },
  };
}
