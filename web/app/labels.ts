/**
 * Node labels that cover neither each other nor the nodes: this drawer collects the labels sigma asks for during a
 * frame, then paints them — forced and highlighted ones (selection, search, path) first, then bigger (better
 * connected) nodes — each on the first side of its node where it fits (see labelPlacement.ts).
 *
 * Written by hand: sigma 3 has no collision-aware label placement and no plugin provides one.
 */
import type Sigma from "sigma";
import type { NodeLabelDrawingFunction } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import { BoxGrid, discBox, placeLabel, type Box, type LabelSide, type PlacementObstacles } from "./labelPlacement.ts";
import type { EdgeAttributes, NodeAttributes } from "./types.ts";

/** Tunables of {@link createLabelDrawer}. */
export interface LabelDrawerOptions {
  /** Space kept around each label, in pixels. */
  padding: number;
  /** Distance between a node's disc and its label, in pixels (sigma's own is 3). */
  gap: number;
  /** Labels avoid the node discs only up to this many nodes: past it, walking every node each frame costs too much. */
  maxObstacleNodes: number;
  /** Outline painted under each label's text so it reads over edges. */
  haloColor: string;
}

export const DEFAULT_LABEL_DRAWER_OPTIONS: LabelDrawerOptions = {
  padding: 2,
  gap: 3,
  maxObstacleNodes: 5000,
  haloColor: "rgba(255, 255, 255, 0.85)",
};

/** A label painted in the last frame: its node, the side it went to and its box in viewport pixels. */
export interface DrawnLabel extends Box {
  node: string;
  side: LabelSide;
}

type LabelData = Parameters<NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes>>[1] & { key?: string };

interface PendingLabel {
  data: LabelData;
  settings: Settings;
}

/** Forced and highlighted labels first, then bigger nodes. */
const priority = ({ data }: PendingLabel) => (data.highlighted ? 2e6 : 0) + (data.forceLabel ? 1e6 : 0) + data.size;

/** The discs of every drawn node, or an empty grid when there are too many nodes to walk each frame. */
function nodeObstacles(renderer: Sigma | null, maxNodes: number): BoxGrid {
  const grid = new BoxGrid();
  if (!renderer || renderer.getGraph().order > maxNodes) return grid;
  renderer.getGraph().forEachNode((node) => {
    const data = renderer.getNodeDisplayData(node);
    if (!data || data.hidden) return;
    const { x, y } = renderer.framedGraphToViewport(data);
    grid.add(discBox({ x, y, size: renderer.scaleSize(data.size) }));
  });
  return grid;
}

/** The box of the label sigma paints beside a highlighted node (the geometry of sigma's drawDiscNodeHover). */
function hoverLabelBox(data: LabelData, textWidth: number, labelSize: number): Box {
  const PADDING = 2;
  const height = labelSize + 2 * PADDING;
  const radius = Math.max(data.size, labelSize / 2) + PADDING;
  return {
    x1: data.x + data.size,
    y1: data.y - height / 2,
    x2: data.x + radius + textWidth + 5,
    y2: data.y + height / 2,
  };
}

/** A `defaultDrawNodeLabel` that defers painting to the end of the frame; `attach(renderer)` wires the frame events. */
export function createLabelDrawer(options: Partial<LabelDrawerOptions> = {}) {
  const { padding, gap, maxObstacleNodes, haloColor } = { ...DEFAULT_LABEL_DRAWER_OPTIONS, ...options };
  let pending: PendingLabel[] = [];
  let drawn: DrawnLabel[] = [];
  let context: CanvasRenderingContext2D | null = null;
  let renderer: Sigma | null = null;

  const draw: NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes> = (ctx, data, settings) => {
    if (!data.label) return;
    context = ctx;
    pending.push({ data, settings: settings as unknown as Settings });
  };
  const paintOne = (ctx: CanvasRenderingContext2D, { data, settings }: PendingLabel, obstacles: PlacementObstacles) => {
    const size = settings.labelSize;
    ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const label = data.label ?? "";
    const textWidth = ctx.measureText(label).width;
    if (data.highlighted) {
      // sigma paints a highlighted node's label itself, boxed on the right (drawDiscNodeHover): keep that spot free.
      const box = hoverLabelBox(data, textWidth, size);
      obstacles.labels.add(box);
      drawn.push({ node: data.key ?? label, side: "right", ...box });
      return;
    }
    const placed = placeLabel(data, textWidth + 2 * padding, size + 2 * padding, obstacles, gap);
    if (!placed) return;
    obstacles.labels.add(placed.box);
    const { box, side } = placed;
    drawn.push({ node: data.key ?? label, side, ...box });
    const x = box.x1 + padding;
    const baseline = (box.y1 + box.y2) / 2 + size / 3;
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    ctx.strokeStyle = haloColor;
    ctx.strokeText(label, x, baseline);
    ctx.fillStyle = settings.labelColor.color ?? "#000";
    ctx.fillText(label, x, baseline);
  };
  const paint = () => {
    const ctx = context;
    drawn = [];
    if (!ctx || pending.length === 0) return;
    const { width, height } = renderer?.getDimensions() ?? { width: Infinity, height: Infinity };
    const obstacles: PlacementObstacles = {
      labels: new BoxGrid(),
      nodes: nodeObstacles(renderer, maxObstacleNodes),
      bounds: renderer ? { x1: 0, y1: 0, x2: width, y2: height } : null,
    };
    pending.sort((a, b) => priority(b) - priority(a));
    for (const label of pending) paintOne(ctx, label, obstacles);
    pending = [];
  };
  const reset = () => {
    pending = [];
  };
  return {
    draw,
    /** Paints the labels collected so far: for the frame sigma's constructor drew before {@link attach} was possible. */
    flush: paint,
    /** The labels painted in the last frame (what the browser tests read through the page's test hook). */
    drawn: (): readonly DrawnLabel[] => drawn,
    /** Wires the drawer to `renderer`'s frames; returns the function that detaches it. */
    attach(target: Sigma): () => void {
      renderer = target;
      target.on("beforeRender", reset);
      target.on("afterRender", paint);
      return () => {
        target.off("beforeRender", reset);
        target.off("afterRender", paint);
        renderer = null;
      };
    },
  };
}
