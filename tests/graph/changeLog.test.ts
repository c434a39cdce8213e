import { describe, expect, it } from "vitest";
import { recordChanges, replayChanges } from "../../src/graph/changeLog.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { drain } from "../../src/util/slices.ts";
import { graphOf } from "../paths/fixtures.ts";

const base = () =>
  graphOf([
    ["a", "supports", "b"],
    ["a", "opposes", "b"],
    ["b", "supports", "c"],
    ["c", "mentioned_with", "d"],
  ]);

/** Everything of a graph, in order: attributes, nodes, edges, and each node's edges. */
function contents(graph: KnowledgeGraph) {
  return {
    attributes: graph.getAttributes(),
    nodes: graph.mapNodes((node, a) => ({ node, a })),
    edges: graph.mapEdges((edge, a, source, target) => ({ edge, a, source, target })),
    adjacency: graph.mapNodes((node) => graph.edges(node)),
  };
}

/** `before` and a copy of it changed by `change` while recorded, then `before` replayed to match. */
function replayed(change: (graph: KnowledgeGraph) => void) {
  const before = base();
  const after = before.copy();
  const recorder = recordChanges(after);
  change(after);
  recorder.stop();
  drain(replayChanges(before, after, recorder.log));
  return { before, after, log: recorder.log };
}

describe("changeLog", () => {
  describe("replayChanges", () => {
    it("makes the previous version equal to the changed one: nodes and edges added and dropped, in order", () => {
      const { before, after } = replayed((g) => {
        g.addNode("e", { ...g.getNodeAttributes("a"), label: "E" });
        g.addDirectedEdgeWithKey("x1", "e", "a", { ...g.getEdgeAttributes("e0") });
        g.dropEdge("e0");
        g.dropNode("d");
        g.addDirectedEdgeWithKey("x2", "a", "b", { ...g.getEdgeAttributes("e1"), predicate: "negotiates_with" });
      });
      expect(contents(before)).toEqual(contents(after));
      expect(before.hasNode("d")).toBe(false);
    });

    it("copies the attributes that were set, merged, updated or replaced, and the graph's own", () => {
      const { before, after } = replayed((g) => {
        g.setNodeAttribute("a", "degree", 42);
        g.mergeNodeAttributes("b", { label: "Bee" });
        g.updateEdgeAttributes("e2", (a) => ({ ...a, confidence: 0.1 }));
        g.replaceEdgeAttributes("e3", { ...g.getEdgeAttributes("e3"), status: "accepted" });
        g.setAttribute("builtFrom", "changed");
      });
      expect(contents(before)).toEqual(contents(after));
      expect(before.getNodeAttribute("b", "label")).toBe("Bee");
      expect(before.getAttribute("builtFrom")).toBe("changed");
    });

    it("copies every element's attributes after a change to all of them", () => {
      const { before, after, log } = replayed((g) => g.updateEachEdgeAttributes((_e, a) => ({ ...a, support: 3 })));
      expect(log.allEdges).toBe(true);
      expect(contents(before)).toEqual(contents(after));
    });

    it("copies attribute objects one level deep, as a copy does, so the two versions never share one", () => {
      const { before, after } = replayed((g) => g.setNodeAttribute("a", "degree", 7));
      expect(before.getNodeAttributes("a")).not.toBe(after.getNodeAttributes("a"));
      expect(before.getNodeAttributes("a")).toEqual(after.getNodeAttributes("a"));
    });

    it("refuses to replay a log that does not fit the graph it is given", () => {
      const after = base();
      const recorder = recordChanges(after);
      after.dropNode("d");
      recorder.stop();
      const other = graphOf([["a", "supports", "b"]]);
      expect(() => drain(replayChanges(other, after, recorder.log))).toThrow();
    });

    it("refuses a log holding a clear, which is left to a copy", () => {
      const before = base();
      const after = before.copy();
      const recorder = recordChanges(after);
      after.clear();
      recorder.stop();
      expect(() => drain(replayChanges(before, after, recorder.log))).toThrow(/cleared/);
    });
  });

  describe("recordChanges", () => {
    it("records nothing once stopped", () => {
      const graph = base();
      const recorder = recordChanges(graph);
      recorder.stop();
      graph.addNode("late", graph.getNodeAttributes("a"));
      graph.setNodeAttribute("a", "degree", 1);
      expect(recorder.log.structure).toEqual([]);
      expect(recorder.log.nodes.size).toBe(0);
    });
  });
});
