/**
 * Legend controller: one entry per entity type present in the graph (swatch, label, count); clicking toggles the type.
 */
import type { PageContext } from "../app/context.ts";
import { byId, el } from "../app/dom.ts";
import type { Controller, UiState } from "../app/types.ts";

/** Renders #legend from the ontology and keeps each toggle's pressed state in sync with the filters. */
export function createLegendController(ctx: PageContext): Controller {
  const legend = byId<HTMLUListElement>("legend");
  const counts = ctx.counts.types;
  const buttons = new Map<string, HTMLButtonElement>();
  for (const type of ctx.ontology.types) {
    const count = counts.get(type.id) ?? 0;
    if (count === 0) continue;
    const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
    swatch.style.background = type.color;
    const button = el(
      "button",
      { type: "button", class: "legend-item", "data-type": type.id, "aria-pressed": "true" },
      swatch,
      el("span", { class: "legend-label" }, type.label),
      el("span", { class: "count" }, String(count)),
    );
    button.title = `Show or hide ${type.label.toLowerCase()} entities`;
    button.addEventListener("click", () => {
      const hidden = new Set(ctx.ui.state.hiddenTypes);
      if (hidden.has(type.id)) hidden.delete(type.id);
      else hidden.add(type.id);
      ctx.ui.set({ hiddenTypes: hidden });
    });
    buttons.set(type.id, button);
    legend.append(el("li", {}, button));
  }
  const sync = (state: UiState) => {
    for (const [type, button] of buttons) button.setAttribute("aria-pressed", String(!state.hiddenTypes.has(type)));
  };
  sync(ctx.ui.state);
  const unsubscribe = ctx.ui.subscribe((state, previous) => {
    if (state.hiddenTypes !== previous.hiddenTypes) sync(state);
  });
  return {
    kill() {
      unsubscribe();
      legend.replaceChildren();
    },
  };
}
