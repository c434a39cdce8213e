/**
 * Zoom controller: the zoom in, zoom out and fit buttons over the graph, so the camera moves without a wheel or a
 * trackpad.
 */
import type { PageContext } from "../app/context.ts";
import { byId, listen } from "../app/dom.ts";
import type { Controller } from "../app/types.ts";

/** Tunables of the zoom buttons. */
export interface ZoomOptions {
  duration: number;
  /** How much one press zooms (sigma's camera divides or multiplies the ratio by it). */
  factor: number;
}

export const DEFAULT_ZOOM_OPTIONS: ZoomOptions = { duration: 250, factor: 1.5 };

/** Wires #zoom-in, #zoom-out and #zoom-fit to sigma's animated camera moves. */
export function createZoomController(ctx: PageContext, options: Partial<ZoomOptions> = {}): Controller {
  const { duration, factor } = { ...DEFAULT_ZOOM_OPTIONS, ...options };
  const { renderer } = ctx;
  const camera = renderer.getCamera();
  // With hideEdgesOnMove the frame drawn while the camera moves has no edges, and a move that ends where it started
  // (zooming past the ratio's bound) draws nothing more: draw once after each move (see app/camera.ts).
  const then = (move: Promise<unknown>) => void move.then(() => renderer.scheduleRender());
  const offs = [
    listen(byId("zoom-in"), "click", () => then(camera.animatedZoom({ duration, factor }))),
    listen(byId("zoom-out"), "click", () => then(camera.animatedUnzoom({ duration, factor }))),
    listen(byId("zoom-fit"), "click", () => then(camera.animatedReset({ duration }))),
  ];
  return { kill: () => offs.forEach((off) => off()) };
}
