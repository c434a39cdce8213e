/**
 * Layout controller: ForceAtlas2 in a web worker (one start/stop toggle), noverlap, and reset to the builder's layout.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";
import noverlap from "graphology-layout-noverlap";
import type { PageContext } from "../app/context.ts";
import { byId, listen } from "../app/dom.ts";
import type { Controller } from "../app/types.ts";

/** Tunables of the layout controller. */
export interface LayoutControllerOptions {
  noverlapIterations: number;
  /** Space kept between nodes by noverlap, as a multiple of their sizes. */
  noverlapRatio: number;
}

export const DEFAULT_LAYOUT_CONTROLLER_OPTIONS: LayoutControllerOptions = {
  noverlapIterations: 60,
  noverlapRatio: 1.2,
};

/** Wires the layout toolbar. The worker is only created on the first start: nothing heavy runs on load. */
export function createLayoutController(ctx: PageContext, options: Partial<LayoutControllerOptions> = {}): Controller {
  const { noverlapIterations, noverlapRatio } = { ...DEFAULT_LAYOUT_CONTROLLER_OPTIONS, ...options };
  const { graph, ui } = ctx;
  const toggle = byId<HTMLButtonElement>("layout-toggle");
  let supervisor: FA2LayoutSupervisor | null = null;

  const setRunning = (running: boolean) => {
    if (running) {
      supervisor ??= new FA2LayoutSupervisor(graph, {
        settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 2000 },
        getEdgeWeight: null,
      });
      supervisor.start();
    } else supervisor?.stop();
    toggle.textContent = running ? "Stop layout" : "Run layout";
    toggle.setAttribute("aria-pressed", String(running));
    ui.set({ layoutRunning: running });
  };
  const spread = () => {
    setRunning(false);
    noverlap.assign(graph, { maxIterations: noverlapIterations, settings: { ratio: noverlapRatio } });
    ctx.announce("Overlapping nodes spread apart");
  };
  const reset = () => {
    setRunning(false);
    graph.updateEachNodeAttributes(
      (node, attributes) => {
        const position = ctx.positions.get(node);
        return position ? { ...attributes, x: position.x, y: position.y } : attributes;
      },
      { attributes: ["x", "y"] },
    );
    ctx.announce("Layout reset to the builder's positions");
  };
  const offs = [
    listen(toggle, "click", () => setRunning(!ui.state.layoutRunning)),
    listen(byId("layout-noverlap"), "click", spread),
    listen(byId("layout-reset"), "click", reset),
  ];
  return {
    kill() {
      offs.forEach((off) => off());
      supervisor?.kill();
      supervisor = null;
    },
  };
}
