/**
 * Search controller: the header's autocomplete; choosing an entity selects it, flies the camera to it and moves the
 * keyboard focus to its panel (Escape closes the panel and brings the focus back here).
 */
import { attachAutocomplete } from "../app/autocomplete.ts";
import { typeLabel, type PageContext } from "../app/context.ts";
import { byId } from "../app/dom.ts";
import type { Controller } from "../app/types.ts";
import { focusNode } from "./selection.ts";

/** Wires #search-input and its suggestion list. */
export function createSearchController(ctx: PageContext): Controller {
  const input = byId<HTMLInputElement>("search-input");
  const detach = attachAutocomplete(
    input,
    byId<HTMLUListElement>("search-results"),
    ctx.search,
    (hit) => {
      focusNode(ctx, hit.id);
      ctx.announce(`Selected ${hit.label}`);
      byId("node-panel").focus();
    },
    { optionTestId: "search-result", typeLabel: (type) => typeLabel(ctx, type) },
  );
  return { kill: detach };
}
