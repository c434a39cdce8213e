/**
 * The page's graph from the server's drawing payload: the same nodes, edges, positions and drawing attributes as the
 * served graph, and a clear error instead of half a graph when the columns disagree.
 */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../../src/graph/build.ts";
import { drawGraphView } from "../../../src/query/graphViews.ts";
import type { DrawGraph } from "../../../web/app/api.ts";
import { graphFromDraw } from "../../../web/app/graph.ts";
import { createReducers } from "../../../web/app/reducers.ts";
import { UiStateHolder } from "../../../web/app/uiState.ts";
import { visibilityCache } from "../../../web/app/visibility.ts";

/** The seed graph's drawing payload as the page receives it (through JSON). */
function seedPayload(): { served: ReturnType<typeof buildGraph>["graph"]; payload: DrawGraph } {
  const served = buildGraph().graph;
  return { served, payload: JSON.parse(JSON.stringify(drawGraphView(served))) as DrawGraph };
}

describe("web graph", () => {
  describe("graphFromDraw", () => {
    it("rebuilds every node and edge of the served graph with its drawing attributes", () => {
      const { served, payload } = seedPayload();
      const graph = graphFromDraw(payload);
      expect(graph.nodes()).toEqual(served.nodes());
      expect(graph.edges()).toEqual(served.edges());
      served.forEachNode((node, a) => {
        expect(graph.getNodeAttributes(node)).toEqual({
          label: a.label,
          type: a.type,
          x: a.x,
          y: a.y,
          size: a.size,
          color: a.color,
          ...(a.aliases.length > 0 ? { aliases: a.aliases } : {}),
        });
      });
      served.forEachEdge((edge, a, source, target) => {
        expect(graph.extremities(edge)).toEqual([source, target]);
        expect(graph.getEdgeAttributes(edge)).toEqual({
          predicate: a.predicate,
          label: a.label,
          status: a.status,
          kind: a.kind,
          modality: a.modality,
          stance: a.stance,
          confidence: a.confidence,
        });
      });
    });

    it("refuses columns of different lengths, naming the column", () => {
      const { payload } = seedPayload();
      payload.nodes.x.pop();
      expect(() => graphFromDraw(payload)).toThrow(/nodes\.x has \d+ entries/);
    });

    it("refuses a value of the wrong type (the API client checks only the columns' outline)", () => {
      const { payload } = seedPayload();
      (payload.nodes.x as unknown[])[3] = "12";
      expect(() => graphFromDraw(payload)).toThrow(/node 3 needs .* numeric x, y and size/);
      const other = seedPayload().payload;
      (other.edges.confidence as unknown[])[0] = "high";
      expect(() => graphFromDraw(other)).toThrow(/confidence that is not a number/);
    });

    it("refuses an edge whose end is not a node of the payload", () => {
      const { payload } = seedPayload();
      payload.edges.target[0] = payload.nodes.key.length;
      expect(() => graphFromDraw(payload)).toThrow(new RegExp(`edge ${payload.edges.key[0]} refers to nothing`));
    });
  });

  describe("emphasised edges of a large graph", () => {
    const setup = (emphasisEdgeType: string | null) => {
      const graph = graphFromDraw(seedPayload().payload);
      const ui = new UiStateHolder();
      return { graph, ui, ...createReducers(graph, ui, visibilityCache(graph), { emphasisEdgeType }) };
    };

    it("go to the thick program while the others keep the default one", () => {
      const { graph, ui, edgeReducer } = setup("thick");
      const edge = "podolyak-negotiates-for-ukraine";
      ui.set({ selection: { kind: "edge", id: edge } });
      expect(edgeReducer(edge, graph.getEdgeAttributes(edge)).type).toBe("thick");
      const other = graph.edges().find((e) => e !== edge)!;
      expect(edgeReducer(other, graph.getEdgeAttributes(other)).type).toBeUndefined();
    });

    it("keep the default program when no emphasis type is set (small graphs draw arrows)", () => {
      const { graph, ui, edgeReducer } = setup(null);
      const edge = "podolyak-negotiates-for-ukraine";
      ui.set({ selection: { kind: "edge", id: edge } });
      expect(edgeReducer(edge, graph.getEdgeAttributes(edge)).type).toBeUndefined();
    });
  });
});
