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
    const width = ctx.measureText(label).width + 2 * padding;
    const placed = placeLabel(data, width, size + 2 * padding, obstacles, gap);
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
    const obstacles = { labels: new BoxGrid(), nodes: nodeObstacles(renderer, maxObstacleNodes) };
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
