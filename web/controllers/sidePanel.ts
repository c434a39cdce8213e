/**
 * Side panels: what the review queue and the merge list share — a panel beside the graph opened from a sidebar button,
 * its header with a close button, a status line, and listing again when the graph changes while it is open.
 */
import type { PageContext } from "../app/context.ts";
import { el } from "../app/dom.ts";
import type { WebGraph } from "../app/types.ts";

/** A graph event a panel lists again on. */
export type GraphEvent = Parameters<WebGraph["on"]>[0];

/** Shows or hides `panel` beside the graph and says so on `opener`'s aria-expanded. */
export function showSidePanel(ctx: PageContext, panel: HTMLElement, opener: HTMLElement, open: boolean): void {
  if (panel.hidden === open) {
    panel.hidden = !open;
    // The stage got narrower or wider: sigma measures its container only on a window resize.
    ctx.renderer.resize();
    ctx.renderer.scheduleRender();
  }
  opener.setAttribute("aria-expanded", String(open));
}

/** The panel's header: a "Review" kicker, `title` and a close button labelled `closeLabel`. */
export function sidePanelHeader(title: string, closeLabel: string, onClose: () => void): HTMLElement {
  const close = el("button", { type: "button", class: "close", "aria-label": closeLabel }, "×");
  close.addEventListener("click", onClose);
  return el("header", { class: "panel-header" }, el("p", { class: "kicker" }, "Review"), el("h2", {}, title), close);
}

/** Writes `message` in the panel's status line (the element with `attribute`), marked as an error when `failed`. */
export function sayInPanel(panel: HTMLElement, attribute: string, message: string, failed = false): void {
  const status = panel.querySelector<HTMLElement>(`[${attribute}]`);
  if (!status) return;
  status.textContent = message;
  status.classList.toggle("error", failed);
}

/**
 * Calls `relist` once per animation frame however many of `events` the graph fires in it (a reload fires one per node
 * or edge), when `wanted()` says the panel wants it; returns what stops listening.
 */
export function relistOnGraphChange(
  ctx: PageContext,
  events: readonly GraphEvent[],
  wanted: () => boolean,
  relist: () => void,
): () => void {
  let frame = 0;
  const schedule = () => {
    if (!wanted()) return;
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      relist();
    });
  };
  for (const name of events) ctx.graph.on(name, schedule);
  return () => {
    cancelAnimationFrame(frame);
    for (const name of events) ctx.graph.off(name, schedule);
  };
}
