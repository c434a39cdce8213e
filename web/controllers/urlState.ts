/**
 * URL state controller: mirrors selection, path ends, filters and camera in the URL hash so a view can be shared.
 */
import type { PageContext } from "../app/context.ts";
import { byId, listen } from "../app/dom.ts";
import type { Controller, Selection, UiState } from "../app/types.ts";

/** Tunables of the URL state. */
export interface UrlStateOptions {
  /** Wait this long after the last change before rewriting the URL (camera moves fire every frame). */
  debounceMs: number;
}

export const DEFAULT_URL_STATE_OPTIONS: UrlStateOptions = { debounceMs: 250 };

/** The shareable part of the view. */
export interface SharedView {
  selection: Selection;
  path: { from: string; to: string } | null;
  hiddenTypes: string[];
  hiddenPredicates: string[];
  camera: { x: number; y: number; ratio: number } | null;
}

const list = (value: string | null) => (value ? value.split(",").filter(Boolean) : []);

/** Reads a view from a URL hash such as `#node=ukraine&hide=date&cam=0.5,0.5,1`. */
export function parseViewHash(hash: string): SharedView {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const node = params.get("node");
  const edge = params.get("edge");
  const from = params.get("from");
  const to = params.get("to");
  const cam = list(params.get("cam")).map(Number);
  return {
    selection: node ? { kind: "node", id: node } : edge ? { kind: "edge", id: edge } : null,
    path: from && to ? { from, to } : null,
    hiddenTypes: list(params.get("hide")),
    hiddenPredicates: list(params.get("hidep")),
    camera:
      cam.length === 3 && cam.every(Number.isFinite) && cam[2] > 0 ? { x: cam[0], y: cam[1], ratio: cam[2] } : null,
  };
}

/** Writes a view as a URL hash (the inverse of {@link parseViewHash}). */
export function formatViewHash(view: SharedView): string {
  const params = new URLSearchParams();
  if (view.selection) params.set(view.selection.kind, view.selection.id);
  if (view.path) {
    params.set("from", view.path.from);
    params.set("to", view.path.to);
  }
  if (view.hiddenTypes.length) params.set("hide", view.hiddenTypes.join(","));
  if (view.hiddenPredicates.length) params.set("hidep", view.hiddenPredicates.join(","));
  if (view.camera)
    params.set("cam", [view.camera.x, view.camera.y, view.camera.ratio].map((n) => n.toFixed(4)).join(","));
  const text = params.toString();
  return text ? `#${text}` : "";
}

/** Applies the URL's view at start, then keeps the URL current; wires "copy link". */
export function createUrlStateController(ctx: PageContext, options: Partial<UrlStateOptions> = {}): Controller {
  const { debounceMs } = { ...DEFAULT_URL_STATE_OPTIONS, ...options };
  const { ui, renderer, graph } = ctx;
  const camera = renderer.getCamera();
  const initial = parseViewHash(location.hash);
  const selection = initial.selection;
  const known =
    (selection?.kind === "node" && graph.hasNode(selection.id)) ||
    (selection?.kind === "edge" && graph.hasEdge(selection.id));
  // Only touch the UI state when the link asks for something: an unchanged state spares a full redraw at load.
  if (known || initial.hiddenTypes.length > 0 || initial.hiddenPredicates.length > 0) {
    ui.set({
      hiddenTypes: new Set(initial.hiddenTypes),
      hiddenPredicates: new Set(initial.hiddenPredicates),
      selection: known ? selection : null,
    });
  }
  if (initial.camera) camera.setState(initial.camera);
  if (initial.path) {
    byId<HTMLInputElement>("path-from").value = initial.path.from;
    byId<HTMLInputElement>("path-to").value = initial.path.to;
    byId<HTMLFormElement>("path-form").requestSubmit();
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    const state: UiState = ui.state;
    const { x, y, ratio } = camera.getState();
    const hash = formatViewHash({
      selection: state.selection,
      path: state.pathEnds,
      hiddenTypes: [...state.hiddenTypes],
      hiddenPredicates: [...state.hiddenPredicates],
      camera: { x, y, ratio },
    });
    history.replaceState(null, "", `${location.pathname}${location.search}${hash}`);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(write, debounceMs);
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
  const unsubscribe = ui.subscribe((state, previous) => {
    if (state.hovered === previous.hovered) schedule();
  });
  camera.on("updated", schedule);
  const off = listen(byId("copy-link"), "click", () => void copy());
  return {
    kill() {
      clearTimeout(timer);
      unsubscribe();
      camera.removeListener("updated", schedule);
      off();
    },
  };
}
