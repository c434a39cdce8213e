import { afterEach, describe, expect, it, vi } from "vitest";
import { warming, warmQueryIndexes } from "../../src/query/warm.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { cachedPathIndex } from "../../src/paths/index.ts";
import { cachedSearchIndex } from "../../src/search/index.ts";
import { graphView } from "../../src/query/servedView.ts";
import { answerSearch } from "../../src/query/search.ts";
import { answerPaths } from "../../src/query/paths.ts";
import { overviewIndexOf } from "../../src/query/overviewIndex.ts";
import { logger } from "../../src/util/logger.ts";
import { graphOf, randomGraph } from "../paths/fixtures.ts";

/** The fields of every "query indexes built" line logged so far. */
function builtLines(info: { mock: { calls: unknown[][] } }) {
  return (info.mock.calls as [unknown, unknown][])
    .filter(([, message]) => message === "query indexes built")
    .map(([fields]) => fields as Record<string, number>);
}

describe("warmQueryIndexes", () => {
  afterEach(() => vi.restoreAllMocks());

  it("builds the indexes of the served graph at once and of each swapped-in graph right after the swap", async () => {
    const info = vi.spyOn(logger, "info");
    const built = () => builtLines(info);
    const served = new ServedGraph(graphOf([["a", "supports", "b"]]));
    const stop = warmQueryIndexes(served);
    expect(built()).toEqual([
      expect.objectContaining({ nodes: 2, edges: 1, pathMs: expect.any(Number), searchMs: expect.any(Number) }),
    ]);
    served.replace(
      graphOf([
        ["a", "supports", "b"],
        ["b", "supports", "c"],
      ]),
    );
    expect(built()).toHaveLength(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(built()[1]).toMatchObject({ nodes: 3, edges: 2 });
    stop();
    served.replace(graphOf([["x", "supports", "y"]]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(built()).toHaveLength(2);
  });

  describe("the served graph of a server already listening", () => {
    const draw = { fullDrawNodes: 100, fullDrawEdges: 100, maxGroups: 10 };
    const settled = async (done: () => boolean) => {
      for (let turn = 0; turn < 100_000 && !done(); turn++) await new Promise((resolve) => setImmediate(resolve));
    };

    it("has its indexes built in slices, requests answered between them, not before the call returns", async () => {
      const info = vi.spyOn(logger, "info");
      const graph = randomGraph(3, 3000, 15_000);
      const served = new ServedGraph(graph);
      const stop = warmQueryIndexes(served, { slices: { sliceMs: 0 }, draw, first: "sliced" });
      expect(builtLines(info)).toHaveLength(0);
      let answeredMeanwhile = false;
      setImmediate(() => (answeredMeanwhile = builtLines(info).length === 0));
      await settled(() => builtLines(info).length > 0);
      expect(answeredMeanwhile).toBe(true);
      expect(builtLines(info)[0]).toMatchObject({ nodes: 3000, edges: 15_000 });
      expect(builtLines(info)[0].slices).toBeGreaterThan(30);
      expect(cachedPathIndex(graph)).toMatchObject({ order: 3000 });
      expect(cachedSearchIndex(graph)).toMatchObject({ order: 3000 });
      stop();
    });

    it("lets a route wait for that build, and says when none is under way", async () => {
      const graph = randomGraph(5, 3000, 15_000);
      const stop = warmQueryIndexes(new ServedGraph(graph), { slices: { sliceMs: 0 }, draw, first: "sliced" });
      const pending = warming(graph);
      expect(pending).toBeInstanceOf(Promise);
      await pending;
      expect(cachedPathIndex(graph)).toMatchObject({ order: 3000 });
      expect(warming(graph)).toBeNull();
      const built = randomGraph(6, 300, 1500);
      const stopNow = warmQueryIndexes(new ServedGraph(built), { draw });
      expect(warming(built)).toBeNull();
      stop();
      stopNow();
    });

    it("logs a failed build instead of rejecting, so a route waiting on it goes on", async () => {
      const error = vi.spyOn(logger, "error").mockImplementation(() => logger);
      const graph = randomGraph(7, 3000, 15_000);
      // The overview reads each entity's position: one that cannot be read fails the build midway.
      Object.defineProperty(graph.getNodeAttributes(graph.nodes()[0]), "x", {
        get: () => {
          throw new Error("unreadable position");
        },
      });
      const stop = warmQueryIndexes(new ServedGraph(graph), { slices: { sliceMs: 0 }, draw, first: "sliced" });
      await warming(graph);
      expect(error).toHaveBeenCalledWith({ err: "unreadable position" }, "could not build the query indexes in slices");
      expect(warming(graph)).toBeNull();
      stop();
    });

    it("abandons that build when stopped", async () => {
      const info = vi.spyOn(logger, "info");
      const graph = randomGraph(4, 3000, 15_000);
      const stop = warmQueryIndexes(new ServedGraph(graph), { slices: { sliceMs: 0 }, draw, first: "sliced" });
      await new Promise((resolve) => setImmediate(resolve));
      stop();
      for (let turn = 0; turn < 200; turn++) await new Promise((resolve) => setImmediate(resolve));
      expect(builtLines(info)).toHaveLength(0);
      expect(cachedPathIndex(graph)).toBeNull();
    });
  });

  describe("a published graph", () => {
    it("has its path, search and overview indexes built in many slices before it is served", async () => {
      const info = vi.spyOn(logger, "info");
      const served = new ServedGraph(randomGraph(1, 50, 200));
      const draw = { fullDrawNodes: 100, fullDrawEdges: 100, maxGroups: 10 };
      const stop = warmQueryIndexes(served, { slices: { sliceMs: 0 }, draw });
      const next = randomGraph(2, 3000, 15_000);
      const published = served.publish(next);
      expect(cachedPathIndex(next)).toBeNull();
      await published;
      expect(served.graph).toBe(next);
      expect(cachedPathIndex(next)).toMatchObject({ order: 3000, size: 15_000 });
      expect(cachedSearchIndex(next)).toMatchObject({ order: 3000, size: 15_000 });
      // Held by the overview's cache: asking for it again returns that very object.
      const overview = overviewIndexOf(next, draw.maxGroups);
      expect(overviewIndexOf(next, draw.maxGroups)).toBe(overview);
      expect(builtLines(info).at(-1)).toMatchObject({ nodes: 3000, edges: 15_000 });
      // 3,000 nodes and 15,000 edges: at least one pause per 1,024 of them in each index's passes.
      expect(builtLines(info).at(-1)!.slices).toBeGreaterThan(30);
      stop();
    });

    it("leaves paths and search answering from the previous graph, whole, until the new one is served", async () => {
      const served = new ServedGraph(randomGraph(1, 500, 2000));
      const stop = warmQueryIndexes(served, { slices: { sliceMs: 0 } });
      const before = served.graph;
      // "Node 2999" exists only in the new graph: search and paths must agree on whether it is there.
      const answers: { graph: unknown; found: number; pathOrder: number; searchOrder: number }[] = [];
      let publishing = true;
      const read = () =>
        setImmediate(() => {
          if (!publishing) return;
          const view = graphView(served.graph);
          answers.push({
            graph: served.graph,
            found: answerSearch(view, { q: "Node 2999" }).hits.filter((h) => h.id === "n2999").length,
            pathOrder: view.pathIndex.order,
            searchOrder: view.searchIndex.order,
          });
          answerPaths(view, { from: "n1", to: "n2" });
          read();
        });
      read();
      const next = randomGraph(2, 3000, 15_000);
      await served.publish(next);
      publishing = false;
      expect(answers.length).toBeGreaterThan(10);
      expect(answers.every((a) => a.graph === before && a.found === 0)).toBe(true);
      expect(answers.every((a) => a.pathOrder === 500 && a.searchOrder === 500)).toBe(true);
      const view = graphView(served.graph);
      expect(answerSearch(view, { q: "Node 2999" }).hits[0]).toMatchObject({ id: "n2999" });
      expect(answerPaths(view, { from: "n2999", to: "n1" }).from).toMatchObject({ id: "n2999" });
      stop();
    });
  });
});
