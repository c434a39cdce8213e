/**
 * Filter visibility: what the type and predicate filters leave on screen.
 */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { EdgeAttributes, WebGraph } from "../../../web/app/types.ts";
import { computeVisibility, visibilityCache } from "../../../web/app/visibility.ts";

function tinyGraph(): WebGraph {
  const graph: WebGraph = new MultiDirectedGraph();
  const node = (type: string) => ({ label: type, type, x: 0, y: 0, size: 1, color: "#000000" });
  graph.addNode("alice", node("person"));
  graph.addNode("acme", node("organization"));
  graph.addNode("ruritania", node("country"));
  graph.addNode("lonely", node("concept"));
  const edge = (predicate: string): EdgeAttributes => ({ predicate, label: predicate });
  graph.addEdgeWithKey("works", "alice", "acme", edge("works_for"));
  graph.addEdgeWithKey("backs", "acme", "ruritania", edge("supports"));
  return graph;
}

describe("web visibility", () => {
  it("shows everything when nothing is filtered", () => {
    const v = computeVisibility(tinyGraph(), new Set(), new Set());
    expect(v.visibleNodeCount).toBe(4);
    expect(v.isEdgeVisible("works")).toBe(true);
  });

  it("hides the nodes of a hidden type and the edges that touch them", () => {
    const v = computeVisibility(tinyGraph(), new Set(["organization"]), new Set());
    expect([...v.hiddenNodes]).toEqual(["acme"]);
    expect(v.isEdgeVisible("works")).toBe(false);
    expect(v.visibleNodeCount).toBe(3);
  });

  it("hides the edges of a hidden predicate and the nodes left without a visible relation, not isolated ones", () => {
    const v = computeVisibility(tinyGraph(), new Set(), new Set(["supports"]));
    expect(v.isEdgeVisible("backs")).toBe(false);
    expect(v.isEdgeVisible("works")).toBe(true);
    expect([...v.hiddenNodes]).toEqual(["ruritania"]);
    expect(v.hiddenNodes.has("lonely")).toBe(false);
  });

  it("recomputes only when the filter sets change", () => {
    const cached = visibilityCache(tinyGraph());
    const types = new Set<string>();
    const predicates = new Set<string>();
    expect(cached(types, predicates)).toBe(cached(types, predicates));
    expect(cached(new Set(["person"]), predicates)).not.toBe(cached(types, predicates));
  });
});
