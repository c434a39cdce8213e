/**
 * Page hook: what the browser tests read of the page beyond its DOM — the labels painted on the canvas, sigma's own
 * displayed-label set, the drawn nodes, the camera and the number of relations. Read-only: nothing here changes the page.
 */
import type Sigma from "sigma";
import type { CameraState } from "sigma/types";
import type { DrawnLabel } from "./labels.ts";

/** The page's state as a test reads it, at `window.explorer`. */
export interface PageHook {
  /** Labels the label drawer painted in the last frame, with their boxes in viewport pixels. */
  drawnLabels(): readonly DrawnLabel[];
  /** Nodes whose label sigma chose to display in the last frame (before the drawer settles collisions). */
  displayedLabels(): string[];
  /** The nodes drawn (not hidden by a filter): centre and radius in viewport pixels. */
  drawnNodes(): { node: string; x: number; y: number; size: number }[];
  /** The camera's current state. */
  camera(): CameraState;
  /** How many relations the page's graph holds now (after the time window's reload, if any). */
  relations(): number;
  /** Whether the page's graph holds the relation with this key now. */
  hasRelation(key: string): boolean;
}

/** Exposes the hook of `renderer` and its label drawer as `window.explorer`. */
export function exposePageHook(renderer: Sigma, labels: { drawn(): readonly DrawnLabel[] }): void {
  const hook: PageHook = {
    drawnLabels: labels.drawn,
    displayedLabels: () => [...renderer.getNodeDisplayedLabels()],
    drawnNodes: () => {
      const nodes: ReturnType<PageHook["drawnNodes"]> = [];
      renderer.getGraph().forEachNode((node) => {
        const data = renderer.getNodeDisplayData(node);
        if (!data || data.hidden) return;
        nodes.push({ node, ...renderer.framedGraphToViewport(data), size: renderer.scaleSize(data.size) });
      });
      return nodes;
    },
    camera: () => renderer.getCamera().getState(),
    relations: () => renderer.getGraph().size,
    hasRelation: (key) => renderer.getGraph().hasEdge(key),
  };
  (window as unknown as { explorer: PageHook }).explorer = hook;
}
