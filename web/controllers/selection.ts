/**
 * Selection controller: clicking a node or an edge selects it (a group of an overview expands instead); clicking the
 * background or pressing Escape, wherever the focus is, clears it (which closes the panel). A quick click just after
 * another one elsewhere counts too (see clicks.ts).
 */
import { getCameraStateToFitViewportToNodes } from "@sigma/utils";
import type Sigma from "sigma";
import { moveCamera } from "../app/camera.ts";
import { listenClicks } from "../app/clicks.ts";
import type { PageContext } from "../app/context.ts";
import { isAggregate, isGroup } from "../app/graph.ts";
import type { Overview } from "../app/overview.ts";
import { listen } from "../app/dom.ts";
import type { Controller } from "../app/types.ts";

const FRAME_MARGIN = 1.3;

/** Tunables of {@link focusNode}. */
export interface FocusOptions {
  /** Frame the node with its neighbours when it has at most this many; else just centre on it. */
  maxFramedNeighbors: number;
  /** Zoom ratio when centring on the node alone (smaller is closer). */
  ratio: number;
  /** Never zoom in closer than this when framing a node and its neighbours. */
  minRatio: number;
  duration: number;
}

export const DEFAULT_FOCUS_OPTIONS: FocusOptions = {
  maxFramedNeighbors: 40,
  ratio: 0.3,
  minRatio: 0.15,
  duration: 600,
};

/**
 * Selects `node` and animates the camera to it and its neighbours; over an overview, an entity not drawn yet is
 * fetched with its neighbours first. Does nothing for an unknown node.
 */
export function focusNode(ctx: PageContext, node: string, options: Partial<FocusOptions> = {}): void {
  if (!ctx.graph.hasNode(node) && ctx.overview) {
    ctx.overview.reveal([node]).then(
      () => {
        if (ctx.graph.hasNode(node)) focusNode(ctx, node, options);
      },
      (error: unknown) => ctx.announce(`Cannot show that entity: ${(error as Error).message}`),
    );
    return;
  }
  const { maxFramedNeighbors, ratio, minRatio, duration } = { ...DEFAULT_FOCUS_OPTIONS, ...options };
  if (!ctx.graph.hasNode(node)) return;
  ctx.ui.set({ selection: { kind: "node", id: node }, hovered: null });
  const renderer = ctx.renderer as unknown as Sigma;
  // The panel may just have opened beside the graph: measure the narrower stage before framing.
  renderer.resize();
  const neighbors = ctx.graph.neighbors(node);
  const target =
    neighbors.length > 0 && neighbors.length <= maxFramedNeighbors
      ? getCameraStateToFitViewportToNodes(renderer, [node, ...neighbors])
      : null;
  const display = ctx.renderer.getNodeDisplayData(node);
  // A margin around the neighbourhood so that the outer labels are not cut by the viewport's edge.
  if (target) target.ratio = Math.max(target.ratio * FRAME_MARGIN, minRatio);
  const state = target ?? (display ? { x: display.x, y: display.y, ratio } : null);
  if (state) void moveCamera(renderer, state, { duration });
}

/** Expands overview group `node` into its entities, saying so in the status line. */
function expandGroup(ctx: PageContext, overview: Overview, node: string): void {
  const { label, members } = ctx.graph.getNodeAttributes(node);
  ctx.announce(`Expanding the group of ${label}…`);
  overview.expand(node).then(
    () => ctx.announce(`Expanded the group of ${label} (${members ?? 0} entities).`),
    (error: unknown) => ctx.announce(`Cannot expand that group: ${(error as Error).message}`),
  );
}

/** Wires clicks on nodes (a group of an overview expands) and edges to the selection, and the background to none. */
export function createSelectionController(ctx: PageContext): Controller {
  const { renderer, ui } = ctx;
  const offClicks = listenClicks(renderer, {
    node: ({ node }) => {
      if (ctx.overview && isGroup(ctx.graph, node)) return expandGroup(ctx, ctx.overview, node);
      ui.set({ selection: { kind: "node", id: node } });
    },
    edge: ({ edge }) => {
      // An aggregate edge stands for many relations: it has no panel of its own.
      if (!isAggregate(ctx.graph, edge)) ui.set({ selection: { kind: "edge", id: edge } });
    },
    stage: () => ui.set({ selection: null }),
  });
  const offKey = listen(document, "keydown", (event) => {
    // An Escape something else used (closing a suggestion list, the review queue, a drawer) or a dialog's own is not
    // for the panel.
    if (event.key !== "Escape" || event.defaultPrevented || !(ui.state.selection || ui.state.reading)) return;
    if (document.querySelector("dialog[open]")) return;
    ui.set({ selection: null, reading: null });
  });
  return {
    kill() {
      offClicks();
      offKey();
    },
  };
}
