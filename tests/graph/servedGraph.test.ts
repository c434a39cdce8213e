import { describe, expect, it, vi } from "vitest";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { logger } from "../../src/util/logger.ts";
import { yieldToEventLoop } from "../../src/util/yieldToEventLoop.ts";
import { graphOf } from "../paths/fixtures.ts";

const first = () => graphOf([["a", "supports", "b"]]);
const second = () => graphOf([["b", "supports", "c"]]);

describe("ServedGraph", () => {
  describe("publish", () => {
    it("serves the previous graph while the preparers run, then the new one with the next version", async () => {
      const served = new ServedGraph(first());
      const before = served.graph;
      const seenDuringPreparation: KnowledgeGraph[] = [];
      served.prepareWith(async () => {
        for (let i = 0; i < 3; i++) {
          await yieldToEventLoop();
          seenDuringPreparation.push(served.graph);
        }
      });
      const next = second();
      const published = served.publish(next);
      expect(served.graph).toBe(before);
      await published;
      expect(seenDuringPreparation).toEqual([before, before, before]);
      expect(served.graph).toBe(next);
      expect(served.version).toBe(2);
    });

    it("hands each preparer the graph it publishes, before any reader sees it", async () => {
      const served = new ServedGraph(first());
      const prepared: KnowledgeGraph[] = [];
      served.prepareWith(async (graph) => {
        expect(served.graph).not.toBe(graph);
        prepared.push(graph);
      });
      const next = second();
      await served.publish(next);
      expect(prepared).toEqual([next]);
    });

    it("serves graphs published one after another in the order they were published", async () => {
      const served = new ServedGraph(first());
      // The first publish prepares longer than the second: it must still be served first.
      let calls = 0;
      served.prepareWith(async () => {
        const rounds = calls++ === 0 ? 5 : 1;
        for (let i = 0; i < rounds; i++) await yieldToEventLoop();
      });
      const changes: KnowledgeGraph[] = [];
      served.on("change", (graph: KnowledgeGraph) => changes.push(graph));
      const [a, b] = [second(), first()];
      await Promise.all([served.publish(a), served.publish(b)]);
      expect(changes).toEqual([a, b]);
      expect(served.graph).toBe(b);
      expect(served.version).toBe(3);
    });

    it("still serves the graph when a preparer fails, and says so in the log", async () => {
      const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
      const served = new ServedGraph(first());
      served.prepareWith(() => Promise.reject(new Error("out of memory")));
      const next = second();
      await served.publish(next);
      expect(served.graph).toBe(next);
      expect(warn).toHaveBeenCalledWith({ err: "out of memory" }, expect.stringContaining("could not prepare"));
      warn.mockRestore();
    });

    it("stops calling a preparer once it is removed", async () => {
      const served = new ServedGraph(first());
      const preparer = vi.fn(() => Promise.resolve());
      const stop = served.prepareWith(preparer);
      stop();
      await served.publish(second());
      expect(preparer).not.toHaveBeenCalled();
    });
  });

  describe("recyclable", () => {
    it("never lets the served graph, or one never served, be changed in place", () => {
      const served = new ServedGraph(first());
      expect(served.recyclable(served.graph)).toBe(false);
      expect(served.recyclable(second())).toBe(false);
    });

    it("lets a replaced graph be changed once every request begun while it was served has ended", () => {
      const served = new ServedGraph(first());
      const old = served.graph;
      const during = served.openReader();
      served.replace(second());
      const after = served.openReader();
      expect(served.recyclable(old)).toBe(false);
      during();
      // A request begun after the swap can only have been given the new graph.
      expect(served.recyclable(old)).toBe(true);
      after();
    });

    it("keeps a held graph from being changed until the hold ends, however often it is released", () => {
      const served = new ServedGraph(first());
      const old = served.graph;
      const hold = served.hold(old);
      const other = served.hold(old);
      served.replace(second());
      hold();
      hold();
      expect(served.recyclable(old)).toBe(false);
      other();
      expect(served.recyclable(old)).toBe(true);
    });

    it("serves a recycled graph again as a new graph: it is not recyclable while served", () => {
      const served = new ServedGraph(first());
      const old = served.graph;
      served.replace(second());
      served.replace(old);
      expect(served.recyclable(old)).toBe(false);
    });
  });

  describe("whenRecyclable", () => {
    it("resolves true when the last request that may hold the graph ends", async () => {
      const served = new ServedGraph(first());
      const old = served.graph;
      const reader = served.openReader();
      served.replace(second());
      const settled = served.whenRecyclable(old, () => true);
      reader();
      await expect(settled).resolves.toBe(true);
    });

    it("resolves false when it is no longer wanted by the time another graph is served", async () => {
      const served = new ServedGraph(first());
      const old = served.graph;
      const reader = served.openReader();
      served.replace(second());
      let wanted = true;
      const settled = served.whenRecyclable(old, () => wanted);
      wanted = false;
      served.replace(first());
      await expect(settled).resolves.toBe(false);
      reader();
    });
  });

  describe("retire", () => {
    it("stops serving the graph: readers wait for the next one, which the version after it serves", async () => {
      const served = new ServedGraph(first());
      const version = served.version;
      served.retire();
      expect(served.ready).toBe(false);
      expect(served.version).toBe(version + 1);
      expect(() => served.graph).toThrow(/still being built/);
      const waiting = served.whenReady();
      const next = second();
      await served.publish(next);
      await expect(waiting).resolves.toBe(next);
      expect(served.version).toBe(version + 2);
    });

    it("keeps the wait of a graph still being built: whoever waited gets the graph built after", async () => {
      const served = new ServedGraph(null);
      const waiting = served.whenReady();
      served.retire();
      const next = second();
      served.fulfil(next);
      await expect(waiting).resolves.toBe(next);
    });

    it("waits anew after a failed build, and says building, not failed", async () => {
      const served = new ServedGraph(null);
      served.failBuild(new Error("damaged"));
      await expect(served.whenReady()).rejects.toThrow("damaged");
      served.retire();
      expect(served.status).toEqual({ type: "ok" });
      const waiting = served.whenReady();
      served.fulfil(first());
      await expect(waiting).resolves.toBe(served.graph);
    });
  });

  describe("whenReadersEnd", () => {
    it("resolves once every reader opened at that version or before has ended, not waiting for later ones", async () => {
      const served = new ServedGraph(first());
      const version = served.version;
      const early = served.openReader();
      served.retire();
      const late = served.openReader();
      let ended = false;
      const settled = served.whenReadersEnd(version).then(() => (ended = true));
      await yieldToEventLoop();
      expect(ended).toBe(false);
      early();
      await settled;
      expect(ended).toBe(true);
      late();
    });

    it("resolves at once when no such reader is open", async () => {
      const served = new ServedGraph(first());
      await expect(served.whenReadersEnd(served.version)).resolves.toBeUndefined();
    });
  });
});
