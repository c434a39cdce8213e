/**
 * Relation masks: a path query under a time window or a minimum support blocks exactly the relations the filter
 * leaves out, on the served graph's own index, and walks what is left.
 */
import { describe, expect, it } from "vitest";
import { NO_RELATION_FILTER, relationTest } from "../../src/graph/relationFilter.ts";
import { findPaths, pathIndexOf } from "../../src/paths/index.ts";
import { eitherMask, relationMask } from "../../src/paths/relationMask.ts";
import { datedGraph } from "../helpers/datedGraph.ts";

describe("relationMask", () => {
  const graph = datedGraph();
  const index = pathIndexOf(graph);
  const march = { ...NO_RELATION_FILTER, since: "2022-03-01" };

  it("is null when nothing is filtered", () => {
    expect(relationMask(graph, index, NO_RELATION_FILTER)).toBeNull();
  });

  it("blocks the indexed edges the relation test refuses, and reuses the mask of a window", () => {
    const mask = relationMask(graph, index, march)!;
    const refuse = relationTest(graph, march);
    const blocked = index.edges.filter((_edge, e) => mask[e] === 1);
    expect(blocked.sort()).toEqual(graph.filterEdges((_e, a) => !refuse(a)).sort());
    expect(blocked.sort()).toEqual(["ab", "ce"]);
    expect(relationMask(graph, index, { ...march })).toBe(mask);
  });

  it("combines with another mask without writing into either", () => {
    const a = Uint8Array.of(1, 0, 0);
    const b = Uint8Array.of(0, 0, 1);
    expect([...eitherMask(a, b)!]).toEqual([1, 0, 1]);
    expect([...a, ...b]).toEqual([1, 0, 0, 0, 0, 1]);
    expect(eitherMask(null, b)).toBe(b);
  });

  it("lets findPaths walk only the relations left", () => {
    const routes = (relations = NO_RELATION_FILTER) =>
      findPaths(graph, "a", "c", { k: 2, relations }).paths.map((p) => p.edges.map((e) => e.id).join(" "));
    expect(routes().sort()).toEqual(["ab bc", "ad dc"]);
    expect(routes(march)).toEqual(["ad dc"]);
    expect(routes({ ...NO_RELATION_FILTER, since: "2022-02-01", until: "2022-02-28" })).toEqual([]);
  });
});
