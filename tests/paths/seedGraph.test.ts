import { beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { findPaths, resolveEntity } from "../../src/paths/index.ts";

describe("paths on the seed graph", () => {
  let graph: KnowledgeGraph;
  beforeAll(() => {
    graph = buildGraph().graph;
  });

  const resolve = (text: string) => {
    const match = resolveEntity(graph, text);
    if (match.type !== "found") throw new Error(`expected "${text}" to resolve, got ${JSON.stringify(match)}`);
    return match.id;
  };

  it.each([
    ["Blinken", "Podolyak"],
    ["Israel", "Russia"],
    ["DePetris", "NATO"],
  ])("connects %s to %s with evidence on every hop", (from, to) => {
    const { paths } = findPaths(graph, resolve(from), resolve(to), { k: 3 });
    expect(paths.length).toBeGreaterThanOrEqual(1);
    for (const path of paths) {
      for (const edge of path.edges) {
        expect(edge.evidence.length).toBeGreaterThan(0);
        for (const evidence of edge.evidence) expect(evidence.quote.length).toBeGreaterThan(0);
      }
    }
  });

  it("reads the shortest Blinken–Podolyak path as a sentence chain with the ontology's labels", () => {
    const { paths } = findPaths(graph, resolve("Blinken"), resolve("Podolyak"));
    expect(paths[0].text).toBe(
      "Antony Blinken — is skeptical of → Ukraine–Russia peace talks ← is positive about — Mykhailo Podolyak",
    );
  });
});
