/**
 * Open relations on the page: the drawing payload keeps their kind, the page names them with their verb phrase and
 * "open relation", draws them in their own colour, and never takes a phrase for the name of a predicate.
 */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../../src/model/types.ts";
import { drawGraphView } from "../../../src/query/graphViews.ts";
import type { DrawGraph } from "../../../web/app/api.ts";
import { graphFromDraw, ontologyForGraph } from "../../../web/app/graph.ts";
import { createReducers, DEFAULT_REDUCER_OPTIONS } from "../../../web/app/reducers.ts";
import { describeRelation, isOpenRelation } from "../../../web/app/relationKind.ts";
import { UiStateHolder } from "../../../web/app/uiState.ts";
import { visibilityCache } from "../../../web/app/visibility.ts";

/** Acme and Beta with one typed and one open relation, as the page receives them. */
function pageGraph() {
  const served = new MultiDirectedGraph();
  const node = (label: string) => ({ label, type: "organization", aliases: [], x: 0, y: 0, size: 1, color: "#4e79a7" });
  served.addNode("acme", node("Acme"));
  served.addNode("beta", node("Beta"));
  const edge = { evidence: [], stance: "neutral", modality: "asserted", confidence: 0.4, source: "extracted" };
  served.addDirectedEdgeWithKey("sues", "acme", "beta", { ...edge, predicate: "sues", label: "sues", kind: "typed" });
  served.addDirectedEdgeWithKey("sold", "acme", "beta", {
    ...edge,
    predicate: "related_to",
    label: "sold shares in",
    kind: "open",
    status: "candidate",
  });
  const payload = JSON.parse(JSON.stringify(drawGraphView(served as unknown as KnowledgeGraph))) as DrawGraph;
  return graphFromDraw(payload);
}

describe("web relation kinds", () => {
  it("keeps each relation's kind from the drawing payload", () => {
    const graph = pageGraph();
    expect(graph.getEdgeAttributes("sold")).toMatchObject({ label: "sold shares in", kind: "open" });
    expect(isOpenRelation(graph.getEdgeAttributes("sold"))).toBe(true);
    expect(isOpenRelation(graph.getEdgeAttributes("sues"))).toBe(false);
  });

  it("describes an open relation by its verb phrase and says that it is open", () => {
    expect(describeRelation({ label: "sold shares in", kind: "open" })).toBe(
      "sold shares in (open relation: the verb maps to no predicate)",
    );
    expect(describeRelation({ label: "sues", kind: "typed" })).toBe("sues");
    expect(describeRelation({ label: "sues" })).toBe("sues");
  });

  it("names the predicate of open relations by its id, not by the first phrase, when there is no ontology", () => {
    const { predicates } = ontologyForGraph(pageGraph(), null);
    expect(predicates).toContainEqual({
      id: "related_to",
      label: "Related to",
      inverse: "related_to",
      symmetric: false,
    });
    expect(predicates).toContainEqual({ id: "sues", label: "sues", inverse: "sues", symmetric: false });
  });

  it("draws open relations in their own colour, and candidates, open or not, as candidates", () => {
    const graph = pageGraph();
    const ui = new UiStateHolder();
    const { edgeReducer } = createReducers(graph, ui, visibilityCache(graph));
    graph.setEdgeAttribute("sold", "status", "accepted");
    expect(edgeReducer("sold", graph.getEdgeAttributes("sold")).color).toBe(DEFAULT_REDUCER_OPTIONS.openEdgeColor);
    expect(edgeReducer("sues", graph.getEdgeAttributes("sues")).color).toBe(DEFAULT_REDUCER_OPTIONS.edgeColor);
    graph.setEdgeAttribute("sold", "status", "candidate");
    ui.set({ showCandidates: false });
    expect(edgeReducer("sold", graph.getEdgeAttributes("sold")).hidden).toBe(true);
  });
});
