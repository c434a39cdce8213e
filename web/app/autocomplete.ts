/**
 * Autocomplete: a combobox over the entity search (the page's own, or the server's for a graph opened on its
 * overview), driven by keyboard (arrows, Enter, Escape) or pointer.
 */
import { el, listen } from "./dom.ts";
import type { SearchFn, SearchHit } from "./search.ts";

/** Tunables of {@link attachAutocomplete}. */
export interface AutocompleteOptions {
  /** data-testid of each suggestion. */
  optionTestId: string | undefined;
  /** Type label shown beside each suggestion. */
  typeLabel: (type: string) => string;
}

export const DEFAULT_AUTOCOMPLETE_OPTIONS: AutocompleteOptions = { optionTestId: undefined, typeLabel: (t) => t };

/** Wires `input` + `listbox` to `search`; `onChoose` receives the chosen hit. Returns the function that unwires it. */
export function attachAutocomplete(
  input: HTMLInputElement,
  listbox: HTMLUListElement,
  search: SearchFn,
  onChoose: (hit: SearchHit) => void,
  options: Partial<AutocompleteOptions> = {},
): () => void {
  const { optionTestId, typeLabel } = { ...DEFAULT_AUTOCOMPLETE_OPTIONS, ...options };
  let hits: SearchHit[] = [];
  let active = -1;
  // An asynchronous search (the server's, over a large graph) may answer out of order, or after the list was closed:
  // only the answer to the latest query, asked since the last close, is shown.
  let asked = 0;

  const close = () => {
    listbox.hidden = true;
    listbox.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    hits = [];
    active = -1;
    asked++;
  };
  const choose = (hit: SearchHit) => {
    input.value = hit.label;
    input.dataset.entityId = hit.id;
    close();
    onChoose(hit);
  };
  const render = () => {
    listbox.replaceChildren(
      ...hits.map((hit, i) => {
        const option = el(
          "li",
          {
            id: `${listbox.id}-${i}`,
            role: "option",
            "data-testid": optionTestId,
            "data-entity-id": hit.id,
            "aria-selected": String(i === active),
          },
          el("span", { class: "option-label" }, hit.label),
          hit.matched ? el("span", { class: "option-alias" }, ` (${hit.matched})`) : null,
          el("span", { class: "option-type" }, typeLabel(hit.type)),
        );
        // mousedown, not click: the input's blur would close the list before the click lands.
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(hit);
        });
        return option;
      }),
    );
    listbox.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", String(hits.length > 0));
    if (active >= 0) input.setAttribute("aria-activedescendant", `${listbox.id}-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const show = (found: SearchHit[]) => {
    hits = found;
    active = hits.length > 0 ? 0 : -1;
    render();
  };
  const onInput = () => {
    delete input.dataset.entityId;
    const ticket = ++asked;
    const found = search(input.value);
    if (Array.isArray(found)) return show(found);
    found.then(
      (answer) => {
        if (ticket === asked && document.activeElement === input) show(answer);
      },
      () => {
        if (ticket === asked) show([]);
      },
    );
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (hits.length === 0) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (event.key === "Enter" && active >= 0 && hits[active]) {
      event.preventDefault();
      choose(hits[active]);
    } else if (event.key === "Escape" && !listbox.hidden) {
      // This Escape closes the list only: the page's own Escape (closing the panel) waits for the next one.
      event.preventDefault();
      close();
    }
  };
  const offs = [listen(input, "input", onInput), listen(input, "keydown", onKey), listen(input, "blur", close)];
  return () => offs.forEach((off) => off());
}
