/**
 * Clicks on the graph: a quick second click elsewhere is a click of its own, a double click on one spot still zooms.
 */
import type { Attributes } from "graphology-types";
import { describe, expect, it, vi } from "vitest";
import { isDoubleClick, listenClicks, type ClickPoint, type ClickSource } from "../../../web/app/clicks.ts";

/** A stand-in for sigma's renderer: its listeners by event, and a way to emit what sigma would. */
function fakeRenderer(doubleClickTimeout = 300) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const renderer = {
    on(event: string, listener: (payload: unknown) => void) {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
      return renderer;
    },
    off(event: string, listener: (payload: unknown) => void) {
      listeners.get(event)?.delete(listener);
      return renderer;
    },
    getSetting: () => doubleClickTimeout,
  };
  /** Emits sigma event `event` for a click at `at`, on `target` (a node or an edge key) if given. */
  const emit = (event: string, at: ClickPoint, target: { node?: string; edge?: string } = {}) => {
    const payload = {
      ...target,
      event: { x: at.x, y: at.y, original: { timeStamp: at.time } },
      preventSigmaDefault: vi.fn(),
    };
    listeners.get(event)?.forEach((listener) => listener(payload));
    return payload;
  };
  const count = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
  return { renderer: renderer as unknown as ClickSource<Attributes, Attributes>, emit, count };
}

function handlers() {
  return { node: vi.fn(), edge: vi.fn(), stage: vi.fn() };
}

describe("web clicks", () => {
  describe("isDoubleClick", () => {
    const first = { x: 100, y: 100, time: 1_000 };

    it("is true for a second click on the same spot within the interval", () => {
      expect(isDoubleClick(first, { x: 103, y: 98, time: 1_200 })).toBe(true);
    });

    it("is false for a second click elsewhere, however quick", () => {
      expect(isDoubleClick(first, { x: 180, y: 100, time: 1_050 })).toBe(false);
    });

    it("is false for a second click on the same spot after the interval", () => {
      expect(isDoubleClick(first, { x: 100, y: 100, time: 1_301 })).toBe(false);
      expect(isDoubleClick(first, { x: 100, y: 100, time: 1_301 }, { maxInterval: 500 })).toBe(true);
    });

    it("is false when no click came before", () => {
      expect(isDoubleClick(null, first)).toBe(false);
    });
  });

  describe("listenClicks", () => {
    it("handles a quick click on a node after a click on the background as a click, cancelling sigma's zoom", () => {
      const { renderer, emit } = fakeRenderer();
      const on = handlers();
      listenClicks(renderer, on);
      emit("clickStage", { x: 10, y: 10, time: 0 });
      const second = emit("doubleClickNode", { x: 400, y: 300, time: 60 }, { node: "ada" });
      expect(on.stage).toHaveBeenCalledTimes(1);
      expect(on.node).toHaveBeenCalledWith(expect.objectContaining({ node: "ada" }));
      expect(second.preventSigmaDefault).toHaveBeenCalled();
    });

    it("handles a quick click on an edge after a click on a node as a click", () => {
      const { renderer, emit } = fakeRenderer();
      const on = handlers();
      listenClicks(renderer, on);
      emit("clickNode", { x: 100, y: 100, time: 0 }, { node: "ada" });
      emit("doubleClickEdge", { x: 250, y: 100, time: 40 }, { edge: "r1" });
      expect(on.edge).toHaveBeenCalledWith(expect.objectContaining({ edge: "r1" }));
    });

    it("leaves a double click on one spot to sigma's zoom", () => {
      const { renderer, emit } = fakeRenderer();
      const on = handlers();
      listenClicks(renderer, on);
      emit("clickNode", { x: 100, y: 100, time: 0 }, { node: "ada" });
      const second = emit("doubleClickNode", { x: 101, y: 100, time: 150 }, { node: "ada" });
      expect(on.node).toHaveBeenCalledTimes(1);
      expect(second.preventSigmaDefault).not.toHaveBeenCalled();
    });

    it("handles as a click what sigma took for a double click because its timer ran late", () => {
      const { renderer, emit } = fakeRenderer(300);
      const on = handlers();
      listenClicks(renderer, on);
      emit("clickNode", { x: 100, y: 100, time: 0 }, { node: "ada" });
      const second = emit("doubleClickNode", { x: 100, y: 100, time: 900 }, { node: "ada" });
      expect(on.node).toHaveBeenCalledTimes(2);
      expect(second.preventSigmaDefault).toHaveBeenCalled();
    });

    it("handles as a click the first click sigma reported, when the one before ended a drag", () => {
      const { renderer, emit } = fakeRenderer();
      const on = handlers();
      listenClicks(renderer, on);
      emit("doubleClickNode", { x: 100, y: 100, time: 20 }, { node: "ada" });
      expect(on.node).toHaveBeenCalledTimes(1);
    });

    it("stops listening when told", () => {
      const { renderer, emit, count } = fakeRenderer();
      const on = handlers();
      const off = listenClicks(renderer, on);
      expect(count()).toBe(6);
      off();
      expect(count()).toBe(0);
      emit("clickNode", { x: 100, y: 100, time: 0 }, { node: "ada" });
      expect(on.node).not.toHaveBeenCalled();
    });
  });
});
