/**
 * Label placement: a label goes right of its node when it can, moves to another side when a label or a node is in
 * the way, and is left out only when every side covers a label.
 */
import { describe, expect, it } from "vitest";
import { BoxGrid, labelBox, overlaps, placeLabel, type Box } from "../../../web/app/labelPlacement.ts";

const node = { x: 100, y: 100, size: 5 };
const obstacles = (labels: Box[] = [], nodes: Box[] = [], bounds: Box | null = null) => {
  const grids = { labels: new BoxGrid(16), nodes: new BoxGrid(16), bounds };
  labels.forEach((box) => grids.labels.add(box));
  nodes.forEach((box) => grids.nodes.add(box));
  return grids;
};

describe("label placement", () => {
  describe("BoxGrid", () => {
    it("finds a box overlapping one added, across cells, and not one that only touches it", () => {
      const grid = new BoxGrid(10);
      grid.add({ x1: 5, y1: 5, x2: 35, y2: 12 });
      expect(grid.hits({ x1: 30, y1: 0, x2: 40, y2: 6 })).toBe(true);
      expect(grid.hits({ x1: 35, y1: 5, x2: 50, y2: 12 })).toBe(false);
      expect(grid.hits({ x1: -20, y1: -20, x2: -10, y2: -10 })).toBe(false);
    });
  });

  describe("labelBox", () => {
    it("puts the label beside, below or above the disc, `gap` pixels from it", () => {
      expect(labelBox(node, 40, 10, "right", 3)).toEqual({ x1: 108, y1: 95, x2: 148, y2: 105 });
      expect(labelBox(node, 40, 10, "left", 3)).toEqual({ x1: 52, y1: 95, x2: 92, y2: 105 });
      expect(labelBox(node, 40, 10, "below", 3)).toEqual({ x1: 80, y1: 108, x2: 120, y2: 118 });
      expect(labelBox(node, 40, 10, "above", 3)).toEqual({ x1: 80, y1: 82, x2: 120, y2: 92 });
    });
  });

  describe("placeLabel", () => {
    it("keeps sigma's side, the right, when nothing is there", () => {
      expect(placeLabel(node, 40, 10, obstacles(), 3)?.side).toBe("right");
    });

    it("moves the label to the left when another label holds the right", () => {
      const taken = labelBox(node, 40, 10, "right", 3);
      const placed = placeLabel(node, 40, 10, obstacles([taken]), 3);
      expect(placed?.side).toBe("left");
      expect(overlaps(placed!.box, taken)).toBe(false);
    });

    it("moves the label off a node's disc when a free side exists", () => {
      const disc = { x1: 120, y1: 90, x2: 140, y2: 110 };
      expect(placeLabel(node, 40, 10, obstacles([], [disc]), 3)?.side).toBe("left");
    });

    it("keeps the label inside the stage, even over a disc, when the stage's edge cuts the right side", () => {
      const stage = { x1: 0, y1: 0, x2: 130, y2: 300 };
      expect(placeLabel(node, 40, 10, obstacles([], [], stage), 3)?.side).toBe("left");
      const disc = { x1: 60, y1: 90, x2: 70, y2: 110 };
      expect(placeLabel(node, 40, 10, obstacles([], [disc], stage), 3)?.side).toBe("below");
      const everywhere = { x1: 0, y1: 0, x2: 300, y2: 300 };
      expect(placeLabel(node, 40, 10, obstacles([], [everywhere], stage), 3)?.side).toBe("left");
    });

    it("lets a label cover a disc rather than leave it out, but never another label", () => {
      const everywhere = { x1: 0, y1: 0, x2: 300, y2: 300 };
      expect(placeLabel(node, 40, 10, obstacles([], [everywhere]), 3)?.side).toBe("right");
      expect(placeLabel(node, 40, 10, obstacles([everywhere]), 3)).toBeNull();
    });
  });
});
