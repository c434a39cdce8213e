import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeGraphJson } from "../../src/graphfile/graphFile.ts";
import { readCsvGraph } from "../../src/import/csv.ts";
import { readAnyGraphFile } from "../../src/import/readAnyGraphFile.ts";
import { seedGraph } from "../export/fixtures.ts";

// A NetworkX-style GraphML file: numeric-looking ids, a float weight, an undirected graph.
const NETWORKX = `<?xml version="1.0" encoding="utf-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="club" attr.type="string"/>
  <key id="d1" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="undirected">
    <node id="0"><data key="d0">Mr. Hi</data></node>
    <node id="1"><data key="d0">Officer</data></node>
    <edge source="0" target="1"><data key="d1">4.0</data></edge>
  </graph>
</graphml>`;

describe("import", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kg-formats-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe("readAnyGraphFile", () => {
    it("loads the builder's own JSON unchanged", () => {
      const graph = seedGraph();
      const file = path.join(dir, "seed.json");
      writeGraphJson(graph, file);
      expect(readAnyGraphFile(file).export()).toEqual(graph.export());
    });

    it("loads a foreign graphology JSON export with undirected edges and no model fields", () => {
      const file = path.join(dir, "foreign.json");
      const data = {
        options: { type: "undirected", multi: false, allowSelfLoops: true },
        attributes: { name: "karate" },
        nodes: [{ key: "a", attributes: { label: "A", x: 1, y: 2 } }, { key: "b" }],
        edges: [{ key: "ab", source: "a", target: "b", attributes: { weight: 0.4 } }],
      };
      writeFileSync(file, JSON.stringify(data));
      const graph = readAnyGraphFile(file);
      expect(graph.getNodeAttributes("b")).toMatchObject({ label: "b", type: "concept", aliases: [] });
      // An edge that names no predicate is an open relation: the file links the two without saying how.
      expect(graph.getEdgeAttributes("ab")).toMatchObject({ confidence: 0.4, predicate: "related_to", kind: "open" });
      expect(graph.getAttribute("name")).toBe("karate");
    });

    it("keeps the model's relation kinds and a Wikidata property, and derives a missing kind from the predicate", () => {
      const file = path.join(dir, "kinds.json");
      const edge = (key: string, attributes: Record<string, unknown>) => ({
        key,
        source: "a",
        target: "b",
        attributes,
      });
      const data = {
        options: { type: "directed", multi: true, allowSelfLoops: true },
        attributes: {},
        nodes: [{ key: "a" }, { key: "b" }],
        edges: [
          edge("open", { predicate: "related_to", kind: "open", label: "sold shares in" }),
          edge("in", { predicate: "located_in", kind: "typed", wikidata: "P131" }),
          edge("with", { predicate: "mentioned_with" }),
          edge("bare", { predicate: "related_to" }),
        ],
      };
      writeFileSync(file, JSON.stringify(data));
      const graph = readAnyGraphFile(file);
      expect(graph.getEdgeAttributes("open")).toMatchObject({ kind: "open", label: "sold shares in" });
      expect(graph.getEdgeAttributes("in")).toMatchObject({ kind: "typed", wikidata: "P131" });
      expect(graph.getEdgeAttributes("with")).toMatchObject({ kind: "cooccurrence" });
      expect(graph.getEdgeAttributes("bare")).toMatchObject({ kind: "open", label: "related to" });
    });

    it("lays out a file without positions, and past layoutMaxNodes only gives seeded, distinct, repeatable spots", () => {
      const file = path.join(dir, "unplaced.json");
      const keys = ["a", "b", "c", "d", "e", "f"];
      const data = {
        options: { type: "directed", multi: true, allowSelfLoops: true },
        attributes: {},
        nodes: keys.map((key) => ({ key, attributes: { label: key.toUpperCase() } })),
        edges: keys
          .slice(1)
          .map((key, i) => ({ key: `r${i}`, source: "a", target: key, attributes: { label: "knows" } })),
      };
      writeFileSync(file, JSON.stringify(data));
      const positions = (graph: ReturnType<typeof readAnyGraphFile>) => graph.mapNodes((_n, a) => [a.x, a.y]);
      const laidOut = positions(readAnyGraphFile(file, { layout: { iterations: 20 } }));
      const seeded = positions(readAnyGraphFile(file, { layoutMaxNodes: 5 }));
      expect(seeded).toEqual(positions(readAnyGraphFile(file, { layoutMaxNodes: 5 })));
      expect(new Set(seeded.map(String)).size).toBe(keys.length);
      expect(seeded.flat().every(Number.isFinite)).toBe(true);
      expect(seeded).not.toEqual(laidOut);
    });

    it("loads GraphML from other tools: unnamed edges numbered, weights kept, attributes passed through", () => {
      const file = path.join(dir, "karate.graphml");
      writeFileSync(file, NETWORKX);
      const graph = readAnyGraphFile(file);
      expect(graph.getNodeAttributes("0")).toMatchObject({ club: "Mr. Hi", label: "0" });
      const [edge] = graph.edges();
      expect(graph.getEdgeAttributes(edge)).toMatchObject({ weight: 4, confidence: 1 });
    });

    it("rejects a JSON file that is not a graph export, naming it", () => {
      const file = path.join(dir, "other.json");
      writeFileSync(file, JSON.stringify({ hello: "world" }));
      expect(() => readAnyGraphFile(file)).toThrow(/other\.json is not a graphology JSON export/);
    });
  });

  describe("readCsvGraph", () => {
    it("reads Gephi-style tables: types inferred per column, missing end nodes created", () => {
      const nodes = "Id,Label,population,capital\r\nfr,France,68.2,true\r\nde,Germany,84,false\r\n";
      const edges = 'Source,Target,Label,note\r\nfr,de,"borders, long",x\r\nde,pl,,\r\n';
      const graph = readCsvGraph(nodes, edges, "countries");
      expect(graph.getNodeAttributes("fr")).toMatchObject({ label: "France", population: 68.2, capital: true });
      expect(graph.hasNode("pl")).toBe(true);
      expect(graph.getEdgeAttributes("e0")).toMatchObject({ label: "borders, long", note: "x" });
    });

    it("names the missing column of a table without Source/Target", () => {
      expect(() => readCsvGraph("Id\r\na\r\n", "from,to\r\na,a\r\n", "bad")).toThrow(
        /bad \(edges\) has no source, target column/,
      );
    });
  });
});
