/**
 * Export file names say what the file holds: the whole graph, the types or relations kept or left out, a
 * neighbourhood or the paths between two entities.
 */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import { ExportQuerySchema } from "../../src/export/query.ts";
import { exportBaseName } from "../../src/query/exportName.ts";

const graph = buildGraph().graph;
const name = (query: Record<string, string>) => exportBaseName(graph, ExportQuerySchema.parse(query), "evidence-graph");
const types = [...new Set(graph.mapNodes((_n, a) => a.type))];

describe("exportBaseName", () => {
  it("names the whole graph by its base name only", () => {
    expect(name({ format: "gexf" })).toBe("evidence-graph");
  });

  it("names a few types kept, or the fewer types left out, and says nothing of a filter that keeps every type", () => {
    expect(name({ format: "gexf", types: "person,organization" })).toBe("evidence-graph-organization-person");
    const allButCountry = types.filter((t) => t !== "country").join(",");
    expect(name({ format: "gexf", types: allButCountry })).toBe("evidence-graph-without-country");
    expect(name({ format: "gexf", types: types.join(",") })).toBe("evidence-graph");
  });

  it("names the relations left out with the types left out, in one list", () => {
    const predicates = [...new Set(graph.mapEdges((_e, a) => a.predicate))].filter((p) => p !== "negotiates_with");
    const query = {
      format: "gexf",
      types: types.filter((t) => t !== "quantity").join(","),
      predicates: predicates.join(","),
    };
    expect(name(query)).toBe("evidence-graph-without-quantity-negotiates-with");
  });

  it("names a neighbourhood and the paths between two entities", () => {
    expect(name({ format: "graphml", node: "ukraine", depth: "2" })).toBe("evidence-graph-around-ukraine-depth-2");
    expect(name({ format: "gexf", from: "Antony Blinken", to: "Podolyak" })).toBe(
      "evidence-graph-paths-antony-blinken-to-podolyak",
    );
  });
});
