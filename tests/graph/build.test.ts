import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildGraph, isBuildStale } from "../../src/graph/build.ts";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { serializeGraph } from "../../src/graphfile/graphFile.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { makeTempData, SEED_DOC, type TempData } from "../helpers/tempData.ts";

let graph: KnowledgeGraph;
let seedText: string;
beforeAll(() => {
  graph = buildGraph().graph;
  seedText = readFileSync(path.resolve("graph-data/documents", `${SEED_DOC}.txt`), "utf8");
});

/** The edges from `source` to `target` with `predicate`. */
function relations(source: string, predicate: string, target: string) {
  return graph
    .directedEdges(source, target)
    .map((edge) => graph.getEdgeAttributes(edge))
    .filter((a) => a.predicate === predicate);
}

/** Asserts every evidence quote of the relation is verbatim at its offsets in the seed article. */
function expectVerbatimEvidence(attributes: ReturnType<typeof relations>[number]) {
  expect(attributes.evidence.length).toBeGreaterThan(0);
  for (const e of attributes.evidence) {
    expect(e.doc).toBe(SEED_DOC);
    expect(seedText.slice(e.start, e.end)).toBe(e.quote);
  }
}

describe("buildGraph", () => {
  describe("on the seed article", () => {
    it("holds that Podolyak negotiates for Ukraine, with evidence naming Kyiv", () => {
      const [relation] = relations("mykhailo-podolyak", "negotiates_for", "ukraine");
      expectVerbatimEvidence(relation);
      expect(relation.evidence[0].quote).toContain("Kyiv’s lead negotiator");
      expect(relation.modality).toBe("asserted");
    });

    it("holds that Blinken is skeptical of the peace talks", () => {
      const [relation] = relations("antony-blinken", "skeptical_of", "peace-talks");
      expectVerbatimEvidence(relation);
      expect(relation.evidence[0].quote).toContain("skeptical tone");
    });

    it("holds the five proposed guarantors for Ukraine, as proposed rather than asserted", () => {
      for (const country of ["united-states", "france", "germany", "turkey", "israel"]) {
        const [relation] = relations(country, "guarantor_for", "ukraine");
        expectVerbatimEvidence(relation);
        expect(relation.modality).toBe("proposed");
        expect(relation.evidence[0].quote).toContain(graph.getNodeAttribute(country, "label"));
      }
    });

    it("holds that Russia opposes NATO involvement and Ukraine joining NATO", () => {
      const [involvement] = relations("russia", "opposes", "nato");
      expectVerbatimEvidence(involvement);
      expect(involvement.evidence[0].quote).toContain("NATO members are involved");
      const [membership] = relations("russia", "opposes", "ukraine-nato-membership");
      expectVerbatimEvidence(membership);
      expect(membership.stance).toBe("opposes");
    });

    it("resolves the Kremlin and Moscow to Russia instead of making separate nodes", () => {
      expect(graph.hasNode("kremlin")).toBe(false);
      expect(graph.getNodeAttribute("russia", "aliases")).toEqual(expect.arrayContaining(["Moscow", "the Kremlin"]));
    });

    it("has the author and the outlet", () => {
      expect(relations("daniel-depetris", "works_for", "washington-examiner")).toHaveLength(1);
    });

    it("gives every node its position, size, colour, community and degree", () => {
      graph.forEachNode((_node, a) => {
        expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
        expect(a.size).toBeGreaterThan(0);
        expect(a.color).toMatch(/^#[0-9a-f]{6}$/);
        expect(Number.isInteger(a.community)).toBe(true);
        expect(a.degree).toBe(graph.degree(_node));
      });
    });

    it("gives every edge verbatim evidence", () => {
      graph.forEachEdge((_edge, a) => expectVerbatimEvidence(a));
    });
  });

  it("is deterministic: the same input gives byte-identical output", () => {
    expect(serializeGraph(buildGraph().graph)).toBe(serializeGraph(graph));
  });
});

describe("isBuildStale", () => {
  let data: TempData;
  beforeAll(() => {
    data = makeTempData();
  });
  afterAll(() => data.remove());

  it("is stale before the first build, fresh after it, and stale again after an edit", () => {
    const out = path.join(data.root, "build", "graph.json");
    expect(isBuildStale(out, data.root)).toBe(true);
    buildToFile(undefined, { root: data.root });
    expect(isBuildStale(out, data.root)).toBe(false);
    data.edit("entities.yaml", (t) => t.replace("United States Secretary of State.", "U.S. Secretary of State."));
    expect(isBuildStale(out, data.root)).toBe(true);
  });
});
