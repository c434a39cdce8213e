/**
 * The page's graph over a large graph's overview: group nodes and aggregate edges read from the payload, the parts
 * fetched later merged without moving what is drawn, and the legend's counts kept to entities and relations.
 */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../../src/graph/build.ts";
import { groupView, overviewView } from "../../../src/query/overview.ts";
import type { DrawGraph } from "../../../web/app/api.ts";
import {
  countByKind,
  graphFromDraw,
  isAggregate,
  isGroup,
  mergeDraw,
  ontologyForGraph,
} from "../../../web/app/graph.ts";

const served = buildGraph().graph;
/** A payload as the page receives it (through JSON). */
const received = (payload: DrawGraph): DrawGraph => JSON.parse(JSON.stringify(payload)) as DrawGraph;

describe("web graph of an overview", () => {
  it("reads each group's id and member count, and each aggregate edge's weight", () => {
    const payload = received(overviewView(served, { fullDrawNodes: 10 }));
    const graph = graphFromDraw(payload);
    expect(graph.order).toBe(payload.nodes.key.length);
    graph.forEachNode((node, a) => {
      expect(isGroup(graph, node)).toBe(true);
      expect(served.filterNodes((_n, s) => String(s.community) === a.group)).toHaveLength(a.members!);
    });
    expect(graph.size).toBeGreaterThan(0);
    graph.forEachEdge((edge, a) => {
      expect(isAggregate(graph, edge)).toBe(true);
      expect(a.weight).toBeGreaterThan(0);
    });
  });

  it("refuses a group node without a member count", () => {
    const payload = received(overviewView(served, { fullDrawNodes: 10 }));
    payload.nodes.members![0] = null;
    expect(() => graphFromDraw(payload)).toThrow(/group node .* needs a text group and a member count/);
  });

  it("merges an expanded group's entities, leaving what is drawn where it is", () => {
    const overview = received(overviewView(served, { fullDrawNodes: 10 }));
    const graph = graphFromDraw(overview);
    const [first, second] = [overview.nodes.group![0]!, overview.nodes.group![1]!];
    const place = { ...graph.getNodeAttributes(`group:${second}`) };
    graph.dropNode(`group:${first}`);
    const added = mergeDraw(graph, received(groupView(served, first, { limit: 500, expanded: [] })));
    const members = served.filterNodes((_n, a) => String(a.community) === first);
    expect(added.sort()).toEqual(members.sort());
    expect(graph.getNodeAttributes(`group:${second}`)).toEqual(place);
    // Merging the same part again adds nothing.
    expect(mergeDraw(graph, received(groupView(served, first, { limit: 500, expanded: [] })))).toEqual([]);
  });

  it("leaves groups and aggregate edges out of the legend's types and counts", () => {
    const overview = received(overviewView(served, { fullDrawNodes: 10 }));
    const graph = graphFromDraw(overview);
    const first = overview.nodes.group![0]!;
    graph.dropNode(`group:${first}`);
    mergeDraw(graph, received(groupView(served, first, { limit: 500, expanded: [] })));
    const counts = countByKind(graph);
    const members = served.filterNodes((_n, a) => String(a.community) === first);
    expect([...counts.types.values()].reduce((a, b) => a + b, 0)).toBe(members.length);
    expect(counts.types.has("group")).toBe(false);
    expect(counts.predicates.has("aggregate")).toBe(false);
    const ontology = ontologyForGraph(graph, null);
    expect(ontology.types.map((t) => t.id)).not.toContain("group");
    expect(ontology.predicates.map((p) => p.id)).not.toContain("aggregate");
  });
});
