/**
 * Node labels without overlaps: sigma picks labels per grid cell, which still lets two long labels cross. This drawer
 * collects the labels sigma asks for during a frame, then paints them biggest node first, leaving out any label whose
 * box would overlap one already painted.
 *
 * Written by hand: sigma 3 has no collision-aware label placement and no plugin provides one. Cost is
 * O(labels²) per frame, and sigma's label grid already caps the labels per frame to a few hundred.
 */
import type Sigma from "sigma";
import { drawDiscNodeLabel, type NodeLabelDrawingFunction } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { EdgeAttributes, NodeAttributes } from "./types.ts";

/** Tunables of {@link createLabelDrawer}. */
export interface LabelDrawerOptions {
  /** Space kept around each label, in pixels. */
  padding: number;
}

export const DEFAULT_LABEL_DRAWER_OPTIONS: LabelDrawerOptions = { padding: 2 };

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

type LabelData = Parameters<NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes>>[1];

interface PendingLabel {
  data: LabelData;
  settings: Settings;
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** A `defaultDrawNodeLabel` that defers painting to the end of the frame; `attach(renderer)` wires the frame events. */
export function createLabelDrawer(options: Partial<LabelDrawerOptions> = {}) {
  const { padding } = { ...DEFAULT_LABEL_DRAWER_OPTIONS, ...options };
  let pending: PendingLabel[] = [];
  let context: CanvasRenderingContext2D | null = null;

  const draw: NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes> = (ctx, data, settings) => {
    if (!data.label) return;
    context = ctx;
    pending.push({ data, settings: settings as unknown as Settings });
  };
  const boxOf = (ctx: CanvasRenderingContext2D, { data, settings }: PendingLabel): Box => {
    const size = settings.labelSize;
    ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const x = data.x + data.size + 3;
    const width = ctx.measureText(data.label ?? "").width;
    return {
      x1: x - padding,
      y1: data.y - size / 2 - padding,
      x2: x + width + padding,
      y2: data.y + size / 2 + padding,
    };
  };
  const paint = () => {
    const ctx = context;
    if (!ctx) return;
    // Forced labels (selection, its neighbours, path) first, then bigger nodes: they are the ones worth reading.
    pending.sort((a, b) => Number(!!b.data.forceLabel) - Number(!!a.data.forceLabel) || b.data.size - a.data.size);
    const placed: Box[] = [];
    for (const label of pending) {
      const box = boxOf(ctx, label);
      // Highlighted nodes (selection, path) also get sigma's hover label on top, so even a forced label may give way.
      if (placed.some((other) => overlaps(box, other))) continue;
      placed.push(box);
      drawDiscNodeLabel(ctx, label.data, label.settings);
    }
    pending = [];
  };
  const reset = () => {
    pending = [];
  };
  return {
    draw,
    /** Paints the labels collected so far: for the frame sigma's constructor drew before {@link attach} was possible. */
    flush: paint,
    /** Wires the drawer to `renderer`'s frames; returns the function that detaches it. */
    attach(renderer: Sigma): () => void {
      renderer.on("beforeRender", reset);
      renderer.on("afterRender", paint);
      return () => {
        renderer.off("beforeRender", reset);
        renderer.off("afterRender", paint);
      };
    },
  };
}
