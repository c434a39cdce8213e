/**
 * Label placement: where a node's label goes so that it covers neither another label nor a node, in screen pixels.
 *
 * Written by hand: sigma 3 only thins labels out per grid cell and always puts them right of the node; no plugin
 * places them around the node. A uniform grid of boxes keeps each look-up to the few cells a label spans.
 */

/** An axis-aligned box in viewport pixels. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A node disc as sigma draws it: centre and radius in viewport pixels. */
export interface Disc {
  x: number;
  y: number;
  size: number;
}

/** Where a label sits relative to its node. */
export type LabelSide = "right" | "left" | "below" | "above";

/** The sides tried, in order: sigma's own (right) first, so a label moves only when it has to. */
export const LABEL_SIDES: readonly LabelSide[] = ["right", "left", "below", "above"];

/** True when `a` and `b` share some area. */
export const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** The box around a disc. */
export const discBox = ({ x, y, size }: Disc): Box => ({ x1: x - size, y1: y - size, x2: x + size, y2: y + size });

/** Boxes bucketed in square cells, to ask "does this box overlap any?" without looking at every box. */
export class BoxGrid {
  readonly #cell: number;
  readonly #cells = new Map<string, Box[]>();

  constructor(cellSize = 64) {
    this.#cell = cellSize;
  }

  /** Calls `visit` with the bucket of every cell `box` spans, creating missing buckets when `create`. */
  #eachCell(box: Box, create: boolean, visit: (bucket: Box[]) => boolean | void): boolean {
    const c = this.#cell;
    for (let cx = Math.floor(box.x1 / c); cx <= Math.floor(box.x2 / c); cx++) {
      for (let cy = Math.floor(box.y1 / c); cy <= Math.floor(box.y2 / c); cy++) {
        const key = `${cx},${cy}`;
        let bucket = this.#cells.get(key);
        if (!bucket && create) this.#cells.set(key, (bucket = []));
        if (bucket && visit(bucket)) return true;
      }
    }
    return false;
  }

  /** Adds `box`. */
  add(box: Box): void {
    this.#eachCell(box, true, (bucket) => void bucket.push(box));
  }

  /** True when `box` overlaps a box added before. */
  hits(box: Box): boolean {
    return this.#eachCell(box, false, (bucket) => bucket.some((other) => overlaps(box, other)));
  }
}

/** The box of a `width`×`height` label on `side` of `node`, `gap` pixels from its disc. */
export function labelBox(node: Disc, width: number, height: number, side: LabelSide, gap: number): Box {
  const reach = node.size + gap;
  switch (side) {
    case "right":
      return { x1: node.x + reach, y1: node.y - height / 2, x2: node.x + reach + width, y2: node.y + height / 2 };
    case "left":
      return { x1: node.x - reach - width, y1: node.y - height / 2, x2: node.x - reach, y2: node.y + height / 2 };
    case "below":
      return { x1: node.x - width / 2, y1: node.y + reach, x2: node.x + width / 2, y2: node.y + reach + height };
    case "above":
      return { x1: node.x - width / 2, y1: node.y - reach - height, x2: node.x + width / 2, y2: node.y - reach };
  }
}

/** What a placement checks against: labels already placed, the node discs and the stage (null: unbounded). */
export interface PlacementObstacles {
  labels: BoxGrid;
  nodes: BoxGrid;
  bounds: Box | null;
}

const within = (box: Box, bounds: Box | null) =>
  !bounds || (box.x1 >= bounds.x1 && box.y1 >= bounds.y1 && box.x2 <= bounds.x2 && box.y2 <= bounds.y2);

/**
 * The side of `node` for its label: never over a placed label; among the other sides, the first of
 * {@link LABEL_SIDES} inside the stage and off every node, else the first inside the stage (a name over a disc still
 * reads, a cut one less so), else the first left. Null when every side covers a label.
 */
export function placeLabel(
  node: Disc,
  width: number,
  height: number,
  obstacles: PlacementObstacles,
  gap: number,
): { side: LabelSide; box: Box } | null {
  let best: { side: LabelSide; box: Box } | null = null;
  let bestScore = -1;
  for (const side of LABEL_SIDES) {
    const box = labelBox(node, width, height, side, gap);
    if (obstacles.labels.hits(box)) continue;
    const score = (within(box, obstacles.bounds) ? 2 : 0) + (obstacles.nodes.hits(box) ? 0 : 1);
    if (score > bestScore) [best, bestScore] = [{ side, box }, score];
  }
  return best;
}
