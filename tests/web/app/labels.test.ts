/**
 * The label drawer: labels of forced and bigger nodes are painted first, and no label is painted over another.
 */
import { describe, expect, it } from "vitest";
import type { Settings } from "sigma/settings";
import { createLabelDrawer } from "../../../web/app/labels.ts";
import { overlaps } from "../../../web/app/labelPlacement.ts";

/** A canvas context that measures 7 px per character and records the text painted. */
function fakeContext() {
  const painted: string[] = [];
  const context = {
    font: "",
    lineJoin: "",
    lineWidth: 0,
    strokeStyle: "",
    fillStyle: "",
    measureText: (text: string) => ({ width: text.length * 7 }),
    strokeText: () => undefined,
    fillText: (text: string) => void painted.push(text),
  };
  return { context: context as unknown as CanvasRenderingContext2D, painted };
}

const SETTINGS = {
  labelSize: 12,
  labelWeight: "600",
  labelFont: "sans-serif",
  labelColor: { color: "#000" },
} as unknown as Settings;

const label = (key: string, x: number, y: number, size: number, forceLabel = false) => ({
  key,
  label: key,
  x,
  y,
  size,
  color: "#888",
  forceLabel,
});

describe("createLabelDrawer", () => {
  it("paints the forced label first, then the bigger node's, and keeps every box apart", () => {
    const drawer = createLabelDrawer();
    const { context, painted } = fakeContext();
    // Three nodes in a row, 30 px apart: their labels cannot all keep the right side.
    drawer.draw(context, label("small", 160, 100, 3), SETTINGS);
    drawer.draw(context, label("big", 130, 100, 9), SETTINGS);
    drawer.draw(context, label("searched", 100, 100, 2, true), SETTINGS);
    drawer.flush();
    expect(painted).toEqual(["searched", "big", "small"]);
    const drawn = drawer.drawn();
    expect(drawn.map((d) => [d.node, d.side])).toEqual([
      ["searched", "right"],
      ["big", "below"],
      ["small", "right"],
    ]);
    for (const a of drawn) for (const b of drawn) if (a !== b) expect(overlaps(a, b)).toBe(false);
  });

  it("leaves a highlighted node's label to sigma, which boxes it on the right, and keeps that spot free", () => {
    const drawer = createLabelDrawer();
    const { context, painted } = fakeContext();
    drawer.draw(context, { ...label("selected", 100, 100, 6), highlighted: true }, SETTINGS);
    drawer.draw(context, label("neighbour", 110, 100, 4), SETTINGS);
    drawer.flush();
    expect(painted).toEqual(["neighbour"]);
    const [selected, neighbour] = drawer.drawn();
    expect(selected).toMatchObject({ node: "selected", side: "right" });
    expect(neighbour.side).not.toBe("right");
    expect(overlaps(selected, neighbour)).toBe(false);
  });

  it("leaves out a label only when every side of its node is taken", () => {
    const drawer = createLabelDrawer();
    const { context, painted } = fakeContext();
    const crowd = Array.from({ length: 8 }, (_, i) => label(`node-${i}`, 100, 100, 8 - i));
    for (const data of crowd) drawer.draw(context, data, SETTINGS);
    drawer.flush();
    expect(painted.length).toBeGreaterThanOrEqual(4);
    expect(painted.length).toBeLessThan(8);
    expect(painted.slice(0, 4)).toEqual(["node-0", "node-1", "node-2", "node-3"]);
  });

  it("starts each frame afresh", () => {
    const drawer = createLabelDrawer();
    const { context } = fakeContext();
    drawer.draw(context, label("once", 0, 0, 3), SETTINGS);
    drawer.flush();
    drawer.flush();
    expect(drawer.drawn()).toEqual([]);
  });
});
