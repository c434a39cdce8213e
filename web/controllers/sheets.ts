/**
 * Sheets controller: on small screens the sidebar is a drawer over the graph (styles.css); #sidebar-toggle opens and
 * closes it, Escape closes it, and it gets out of the way when a panel opens so the two do not pile up.
 */
import type { PageContext } from "../app/context.ts";
import { byId, listen } from "../app/dom.ts";
import type { Controller } from "../app/types.ts";

/** Wires #sidebar-toggle to #sidebar's `data-open`; on wide screens the attribute changes nothing. */
export function createSheetsController(ctx: PageContext): Controller {
  const toggle = byId<HTMLButtonElement>("sidebar-toggle");
  const sidebar = byId("sidebar");
  const isOpen = () => sidebar.dataset.open === "true";
  const setOpen = (open: boolean) => {
    if (open) sidebar.dataset.open = "true";
    else delete sidebar.dataset.open;
    toggle.setAttribute("aria-expanded", String(open));
  };

  const onToggle = () => {
    const open = !isOpen();
    setOpen(open);
    // Into the drawer, so the keyboard continues where the eye goes.
    if (open) sidebar.querySelector<HTMLElement>("button, input, select, summary")?.focus();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !isOpen()) return;
    event.preventDefault();
    setOpen(false);
    toggle.focus();
  };
  // Choosing an entity or a relation (a search, a path's hop) shows its panel: the drawer would hide it.
  const unsubscribe = ctx.ui.subscribe((state, previous) => {
    if (state.selection && state.selection !== previous.selection) setOpen(false);
  });
  // The review queue and the merge list open from inside the drawer.
  const offs = [
    listen(toggle, "click", onToggle),
    listen(sidebar, "keydown", onKey),
    listen(byId("review-open"), "click", () => setOpen(false)),
    listen(byId("merges-open"), "click", () => setOpen(false)),
  ];
  return {
    kill() {
      unsubscribe();
      offs.forEach((off) => off());
    },
  };
}
