/**
 * URL state controller: mirrors selection, path query, the path shown, filters, time window and camera in the URL hash, so "Copy
 * link" shares the view; each change of state (not of camera) is a history entry, so Back and Forward move through
 * the page's states instead of leaving it.
 */
import type Sigma from "sigma";
import { moveCamera } from "../app/camera.ts";
import type { PageContext } from "../app/context.ts";
import { byId, listen } from "../app/dom.ts";
import type { Controller, UiState } from "../app/types.ts";
import { sameWindow } from "../app/timelineWindow.ts";
import { formatViewHash, historyKey, parseViewHash, type SharedView } from "../app/viewHash.ts";

/** Tunables of the URL state. */
export interface UrlStateOptions {
  /** Wait this long after the last change before rewriting the URL (camera moves fire every frame). */
  debounceMs: number;
}

export const DEFAULT_URL_STATE_OPTIONS: UrlStateOptions = { debounceMs: 250 };

/** The view the page shows now, as a URL hash. */
function currentHash(ctx: PageContext): string {
  const state: UiState = ctx.ui.state;
  const { x, y, ratio } = ctx.renderer.getCamera().getState();
  const ends = state.pathEnds;
  return formatViewHash({
    selection: state.selection,
    path: ends && { ...ends, shown: state.path.type === "ready" ? state.path.shown : 0 },
    hiddenTypes: [...state.hiddenTypes],
    hiddenPredicates: [...state.hiddenPredicates],
    window: state.timeWindow,
    camera: { x, y, ratio },
  });
}

/** Fills the path finder from `path` and searches, or clears it; `current` is the path query shown now. */
function applyPath(view: SharedView, current: UiState): void {
  const { path } = view;
  if (!path) {
    if (current.pathEnds) byId("path-clear").click();
    return;
  }
  const shown = current.path.type === "ready" ? current.path.shown : 0;
  const ends = current.pathEnds;
  const same =
    ends?.from === path.from &&
    ends.to === path.to &&
    (path.k ?? ends.k) === ends.k &&
    (path.maxHops ?? ends.maxHops) === ends.maxHops &&
    shown === path.shown;
  if (same) return;
  const from = byId<HTMLInputElement>("path-from");
  const to = byId<HTMLInputElement>("path-to");
  from.value = path.from;
  to.value = path.to;
  delete from.dataset.entityId;
  delete to.dataset.entityId;
  if (path.k !== null) byId<HTMLInputElement>("path-k").value = String(path.k);
  if (path.maxHops !== null) byId<HTMLInputElement>("path-max-hops").value = String(path.maxHops);
  const form = byId<HTMLFormElement>("path-form");
  form.dataset.show = String(path.shown);
  if (view.camera) form.dataset.keepCamera = "true";
  form.requestSubmit();
}

/** Applies the URL's view at start and on Back/Forward, keeps the URL current, and wires "copy link". */
export function createUrlStateController(ctx: PageContext, options: Partial<UrlStateOptions> = {}): Controller {
  const { debounceMs } = { ...DEFAULT_URL_STATE_OPTIONS, ...options };
  const { ui, renderer, graph } = ctx;
  const camera = renderer.getCamera();

  const apply = (view: SharedView, animate: boolean) => {
    const { selection } = view;
    const known =
      (selection?.kind === "node" && graph.hasNode(selection.id)) ||
      (selection?.kind === "edge" && graph.hasEdge(selection.id));
    const state = ui.state;
    const sameSet = (a: ReadonlySet<string>, b: string[]) => a.size === b.length && b.every((x) => a.has(x));
    const patch: Partial<UiState> = {};
    if (!sameSet(state.hiddenTypes, view.hiddenTypes)) patch.hiddenTypes = new Set(view.hiddenTypes);
    if (!sameSet(state.hiddenPredicates, view.hiddenPredicates))
      patch.hiddenPredicates = new Set(view.hiddenPredicates);
    if (!sameWindow(state.timeWindow, view.window)) patch.timeWindow = view.window;
    const wanted = known ? selection : null;
    if (wanted?.id !== state.selection?.id || wanted?.kind !== state.selection?.kind) patch.selection = wanted;
    // Only touch the UI state when the view asks for a change: an unchanged state spares a full redraw at load.
    if (Object.keys(patch).length > 0) ui.set(patch);
    // Over an overview, the link's entity may not be drawn yet: it is fetched with its neighbours, then selected.
    if (!known && selection?.kind === "node" && ctx.overview) {
      ctx.overview.reveal([selection.id]).then(
        () => {
          if (graph.hasNode(selection.id)) ui.set({ selection });
        },
        (error: unknown) => ctx.announce(`Cannot show the linked entity: ${(error as Error).message}`),
      );
    }
    if (view.camera) {
      if (animate) void moveCamera(renderer as unknown as Sigma, view.camera);
      else camera.setState(view.camera);
    }
    applyPath(view, state);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  // After Back or Forward the next write only updates the entry it landed on: it must not cut off the entries ahead.
  let landed = false;
  const write = () => {
    clearTimeout(timer);
    // Which path is shown is known only once the search answers: its answer writes the URL then.
    if (ui.state.path.type === "loading") return;
    const hash = currentHash(ctx);
    const url = `${location.pathname}${location.search}${hash}`;
    if (!landed && historyKey(hash) !== historyKey(location.hash)) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
    landed = false;
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(write, debounceMs);
  };
  const onPopState = () => {
    clearTimeout(timer);
    landed = true;
    apply(parseViewHash(location.hash), true);
    write();
  };
  const copy = async () => {
    write();
    try {
      await navigator.clipboard.writeText(location.href);
      ctx.announce("Link to this view copied");
    } catch {
      ctx.announce(`Copy this link: ${location.href}`);
    }
  };

  // What a link asks for is written over the entry it was opened at (in the page's own words: a link without k gets
  // k), not pushed after it; applying it changes the view, so that write comes at once.
  landed = location.hash.length > 1;
  apply(parseViewHash(location.hash), false);
  const unsubscribe = ui.subscribe((state, previous) => {
    if (state.hovered === previous.hovered) schedule();
  });
  camera.on("updated", schedule);
  window.addEventListener("popstate", onPopState);
  const offs = [
    listen(byId("copy-link"), "click", () => void copy()),
    () => window.removeEventListener("popstate", onPopState),
  ];
  return {
    kill() {
      clearTimeout(timer);
      unsubscribe();
      camera.removeListener("updated", schedule);
      offs.forEach((off) => off());
    },
  };
}
