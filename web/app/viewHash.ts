/**
 * View hash: the shareable part of a view (selection, path query and the path shown, filters, time window, camera)
 * written as a URL hash such as `#node=ukraine&hide=date&since=2024-03-01&support=2&cam=0.5,0.5,1`, and read back.
 */
import { isCalendarDate } from "../../src/model/calendarDate.ts";
import type { TimeWindow } from "./timelineWindow.ts";
import type { Selection } from "./types.ts";

/** The path finder's part of a shared view; k and max hops are null when the link does not say. */
export interface SharedPath {
  from: string;
  to: string;
  k: number | null;
  maxHops: number | null;
  /** Which of the paths found is shown (0 for the first). */
  shown: number;
}

/** The shareable part of the view. */
export interface SharedView {
  selection: Selection;
  path: SharedPath | null;
  hiddenTypes: string[];
  hiddenPredicates: string[];
  /** The timeline's window (open sides are null) and minimum support (`support`, written when above 1). */
  window: TimeWindow;
  camera: { x: number; y: number; ratio: number } | null;
}

const list = (value: string | null) => (value ? value.split(",").filter(Boolean) : []);

/** A whole number of at least 1, or null. */
const count = (value: string | null): number | null => {
  const n = Number(value ?? NaN);
  return Number.isInteger(n) && n >= 1 ? n : null;
};

/** A real `YYYY-MM-DD` day, or null. */
const day = (value: string | null): string | null => (value && isCalendarDate(value) ? value : null);

/** A window from two days; a link whose end comes before its start means the same days, so they are swapped. */
const windowOf = (since: string | null, until: string | null, minSupport: number): TimeWindow =>
  since !== null && until !== null && until < since
    ? { since: until, until: since, minSupport }
    : { since, until, minSupport };

/** Reads a view from a URL hash; anything malformed is left out. */
export function parseViewHash(hash: string): SharedView {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const node = params.get("node");
  const edge = params.get("edge");
  const from = params.get("from");
  const to = params.get("to");
  const cam = list(params.get("cam")).map(Number);
  return {
    selection: node ? { kind: "node", id: node } : edge ? { kind: "edge", id: edge } : null,
    path:
      from && to
        ? {
            from,
            to,
            k: count(params.get("k")),
            maxHops: count(params.get("hops")),
            shown: (count(params.get("p")) ?? 1) - 1,
          }
        : null,
    hiddenTypes: list(params.get("hide")),
    hiddenPredicates: list(params.get("hidep")),
    window: windowOf(day(params.get("since")), day(params.get("until")), count(params.get("support")) ?? 1),
    camera:
      cam.length === 3 && cam.every(Number.isFinite) && cam[2] > 0 ? { x: cam[0], y: cam[1], ratio: cam[2] } : null,
  };
}

/** Writes a view as a URL hash (the inverse of {@link parseViewHash}); the path shown is written 1-based. */
export function formatViewHash(view: SharedView): string {
  const params = new URLSearchParams();
  if (view.selection) params.set(view.selection.kind, view.selection.id);
  if (view.path) {
    params.set("from", view.path.from);
    params.set("to", view.path.to);
    if (view.path.k !== null) params.set("k", String(view.path.k));
    if (view.path.maxHops !== null) params.set("hops", String(view.path.maxHops));
    if (view.path.shown > 0) params.set("p", String(view.path.shown + 1));
  }
  if (view.hiddenTypes.length) params.set("hide", view.hiddenTypes.join(","));
  if (view.hiddenPredicates.length) params.set("hidep", view.hiddenPredicates.join(","));
  if (view.window.since) params.set("since", view.window.since);
  if (view.window.until) params.set("until", view.window.until);
  if (view.window.minSupport > 1) params.set("support", String(view.window.minSupport));
  if (view.camera)
    params.set("cam", [view.camera.x, view.camera.y, view.camera.ratio].map((n) => n.toFixed(4)).join(","));
  const text = params.toString();
  return text ? `#${text}` : "";
}

/**
 * What tells one state of the page's history from another: the hash without the camera. Moving the camera updates
 * the current history entry; anything else makes a new one, which Back returns from.
 */
export function historyKey(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  params.delete("cam");
  return params.toString();
}
