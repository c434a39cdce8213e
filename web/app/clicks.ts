/**
 * Clicks on the graph: a node, an edge or the background clicked, with a quick second click elsewhere counted as a
 * click of its own. sigma's captors take any two clicks (or taps) within their double-click timeout for a double
 * click, wherever the second one lands, and then only zoom: a click on an entity just after a click on a group, on
 * the background or at the end of a drag would open nothing. The timeout is a page timer, so on a busy page it runs
 * late and the window grows.
 */
import type { Attributes } from "graphology-types";
import type Sigma from "sigma";
import type { MouseCoords, SigmaEdgeEventPayload, SigmaNodeEventPayload, SigmaStageEventPayload } from "sigma/types";

/** Where (viewport pixels) and when (the event's time stamp, in ms) a click or a tap landed. */
export interface ClickPoint {
  x: number;
  y: number;
  time: number;
}

/** Tunables of {@link isDoubleClick}. */
export interface DoubleClickOptions {
  /** Farthest apart, in pixels, the two clicks of a double click land (a finger is less precise than a mouse). */
  maxDistance: number;
  /** Longest time between the two clicks of a double click, in ms (sigma's own `doubleClickTimeout`). */
  maxInterval: number;
}

export const DEFAULT_DOUBLE_CLICK_OPTIONS: DoubleClickOptions = { maxDistance: 10, maxInterval: 300 };

/** Whether `second` is the second click of a double click begun by `first` (null: no click came before it). */
export function isDoubleClick(
  first: ClickPoint | null,
  second: ClickPoint,
  options: Partial<DoubleClickOptions> = {},
): boolean {
  if (!first) return false;
  const { maxDistance, maxInterval } = { ...DEFAULT_DOUBLE_CLICK_OPTIONS, ...options };
  const interval = second.time - first.time;
  return interval >= 0 && interval <= maxInterval && Math.hypot(second.x - first.x, second.y - first.y) <= maxDistance;
}

/** The point of a sigma mouse or touch event. */
export function clickPoint(event: Pick<MouseCoords, "x" | "y" | "original">): ClickPoint {
  return { x: event.x, y: event.y, time: event.original.timeStamp };
}

/** What a click on each part of the graph does. */
export interface ClickHandlers {
  node(payload: SigmaNodeEventPayload): void;
  edge(payload: SigmaEdgeEventPayload): void;
  stage(payload: SigmaStageEventPayload): void;
}

/** The part of a sigma renderer {@link listenClicks} uses. */
export type ClickSource<N extends Attributes, E extends Attributes> = Pick<Sigma<N, E>, "on" | "off" | "getSetting">;

/**
 * Calls `handlers` for every click on `renderer`'s graph, including a quick second click that sigma took for a
 * double click but that landed elsewhere (its zoom is cancelled). A real double click still zooms. Returns the
 * function that stops listening.
 */
export function listenClicks<N extends Attributes, E extends Attributes>(
  renderer: ClickSource<N, E>,
  handlers: ClickHandlers,
  options: Partial<DoubleClickOptions> = {},
): () => void {
  const settings = { maxInterval: renderer.getSetting("doubleClickTimeout"), ...options };
  let last: ClickPoint | null = null;
  const clicked =
    <P extends SigmaStageEventPayload>(handle: (payload: P) => void) =>
    (payload: P) => {
      last = clickPoint(payload.event);
      handle(payload);
    };
  const doubleClicked =
    <P extends SigmaStageEventPayload>(handle: (payload: P) => void) =>
    (payload: P) => {
      if (isDoubleClick(last, clickPoint(payload.event), settings)) {
        last = null;
        return;
      }
      payload.preventSigmaDefault();
      clicked(handle)(payload);
    };
  const node = [clicked(handlers.node), doubleClicked(handlers.node)] as const;
  const edge = [clicked(handlers.edge), doubleClicked(handlers.edge)] as const;
  const stage = [clicked(handlers.stage), doubleClicked(handlers.stage)] as const;
  renderer.on("clickNode", node[0]).on("doubleClickNode", node[1]);
  renderer.on("clickEdge", edge[0]).on("doubleClickEdge", edge[1]);
  renderer.on("clickStage", stage[0]).on("doubleClickStage", stage[1]);
  return () => {
    renderer.off("clickNode", node[0]).off("doubleClickNode", node[1]);
    renderer.off("clickEdge", edge[0]).off("doubleClickEdge", edge[1]);
    renderer.off("clickStage", stage[0]).off("doubleClickStage", stage[1]);
  };
}
