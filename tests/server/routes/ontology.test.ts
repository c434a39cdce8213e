/**
 * GET /api/ontology: the legend's types and the panels' predicate labels, from ontology.yaml or from the graph.
 */
import { MultiDirectedGraph } from "graphology";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { ENTITY_TYPES, type KnowledgeGraph } from "../../../src/model/types.ts";
import { createApp } from "../../../src/server/app.ts";
import { ONTOLOGY_ENDPOINT } from "../../../src/server/api/endpoints.ts";
import { ServedGraph } from "../../../src/graph/servedGraph.ts";
import { DEFAULT_DATA_ROOT } from "../../../src/store/dataFiles.ts";
import { makeTempData, type TempData } from "../../helpers/tempData.ts";
import { expectDocumented } from "../apiFixture.ts";

const appFor = (graph: KnowledgeGraph, dataRoot: string | null) =>
  createApp({ served: new ServedGraph(graph), dataRoot, readOnly: true }, { requestLogs: false });

describe("server routes: ontology", () => {
  let data: TempData | null = null;
  afterEach(() => {
    data?.remove();
    data = null;
  });

  it("lists every type of ontology.yaml with its label and colour, and every predicate with its inverse", async () => {
    const res = await request(appFor(new MultiDirectedGraph(), DEFAULT_DATA_ROOT)).get("/api/ontology");
    expectDocumented(res, ONTOLOGY_ENDPOINT, 200);
    expect(res.body.types).toContainEqual(expect.objectContaining({ id: "person", label: "Person", color: "#e15759" }));
    expect(res.body.types).toHaveLength(ENTITY_TYPES.length);
    expect(res.body.predicates).toContainEqual(
      expect.objectContaining({ id: "negotiates_for", label: "negotiates for", inverse: "is represented in talks by" }),
    );
  });

  it("gives a predicate's Wikidata properties when the ontology has them (located_in) and none otherwise", async () => {
    const res = await request(appFor(new MultiDirectedGraph(), DEFAULT_DATA_ROOT)).get("/api/ontology");
    const predicate = (id: string) => res.body.predicates.find((p: { id: string }) => p.id === id);
    expect(predicate("located_in")).toMatchObject({ wikidata: "P131", wikidataInverse: "P150" });
    expect(predicate("negotiates_for")).not.toHaveProperty("wikidata");
    expect(predicate("negotiates_for")).not.toHaveProperty("wikidataInverse");
  });

  it("reflects an edited ontology once the graph is replaced", async () => {
    data = makeTempData();
    const graph: KnowledgeGraph = new MultiDirectedGraph();
    const served = new ServedGraph(graph);
    const app = createApp({ served: served, dataRoot: data.root, readOnly: true }, { requestLogs: false });
    expect((await request(app).get("/api/ontology")).body.types[0].label).toBe("Person");
    data.edit("ontology.yaml", (text) => {
      const edited = text.replace(/(person:\s*(?:\{\s*)?label:\s*)Person\b/, "$1Human");
      expect(edited).not.toBe(text);
      return edited;
    });
    served.replace(graph);
    const res = await request(app).get("/api/ontology");
    expect(res.body.types).toContainEqual(expect.objectContaining({ id: "person", label: "Human" }));
  });

  it("describes the types and predicates found in the graph when serving a standalone file", async () => {
    // Only the attributes the route reads; a standalone file may lack the others.
    const loose = new MultiDirectedGraph();
    loose.addNode("a", { label: "A", type: "person", color: "#111111" });
    loose.addNode("b", { label: "B", type: "quantity", color: "#222222" });
    loose.addEdgeWithKey("e", "a", "b", { predicate: "part_of", label: "is part of" });
    const graph = loose as unknown as KnowledgeGraph;
    const res = await request(appFor(graph, null)).get("/api/ontology");
    expectDocumented(res, ONTOLOGY_ENDPOINT, 200);
    expect(res.body.types).toEqual([
      { id: "person", label: "Person", color: "#111111", description: "" },
      { id: "quantity", label: "Quantity", color: "#222222", description: "" },
    ]);
    expect(res.body.predicates).toEqual([
      { id: "part_of", label: "is part of", inverse: "is part of", symmetric: false },
    ]);
  });

  it("takes a standalone file's Wikidata property from its edges and names open relations by their predicate", async () => {
    const loose = new MultiDirectedGraph();
    loose.addNode("a", { label: "A", type: "location", color: "#111111" });
    loose.addNode("b", { label: "B", type: "country", color: "#222222" });
    loose.addEdgeWithKey("in", "a", "b", { predicate: "located_in", label: "is located in", wikidata: "P131" });
    loose.addEdgeWithKey("open", "b", "a", { predicate: "related_to", label: "sold shares in", kind: "open" });
    const res = await request(appFor(loose as unknown as KnowledgeGraph, null)).get("/api/ontology");
    expect(res.body.predicates).toEqual([
      { id: "located_in", label: "is located in", inverse: "is located in", symmetric: false, wikidata: "P131" },
      { id: "related_to", label: "related to", inverse: "related to", symmetric: false },
    ]);
  });
});
