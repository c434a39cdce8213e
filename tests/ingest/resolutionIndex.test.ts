import { describe, expect, it } from "vitest";
import {
  prepareResolutionIndex,
  resolutionIndexInSlices,
  resolutionIndexOf,
} from "../../src/ingest/resolutionIndex.ts";
import { entity, graphOf, randomGraph } from "../paths/fixtures.ts";

/** A map's entries sorted by key, to compare maps built in another order. */
const sorted = (map: Map<string, string[]>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));

describe("resolutionIndex", () => {
  it("indexes labels and aliases by their key, and short forms by type", () => {
    const graph = graphOf([["blinken", "supports", "podolyak"]]);
    graph.replaceNodeAttributes("blinken", entity("Antony Blinken", ["Tony Blinken"]));
    const { names, shortForms } = resolutionIndexOf(graph);
    expect(names.get("antony blinken")).toEqual(["blinken"]);
    expect(names.get("tony blinken")).toEqual(["blinken"]);
    expect(shortForms.get("person:blinken")).toEqual(["blinken"]);
  });

  it("prepares in slices the same index as a build at once, and keeps it for the graph", async () => {
    const graph = randomGraph(5, 3000, 100);
    const atOnce = resolutionIndexOf(graph);
    await prepareResolutionIndex(graph, { sliceMs: 0 });
    const prepared = resolutionIndexOf(graph);
    expect(sorted(prepared.names)).toEqual(sorted(atOnce.names));
    expect(sorted(prepared.shortForms)).toEqual(sorted(atOnce.shortForms));
    expect(resolutionIndexOf(graph)).toBe(prepared);
  });

  it("keeps nothing for a graph that was not prepared, which may still change", () => {
    const graph = graphOf([["a", "supports", "b"]]);
    const first = resolutionIndexOf(graph);
    graph.addNode("c", entity("Carla Cruz"));
    expect(resolutionIndexOf(graph)).not.toBe(first);
    expect(resolutionIndexOf(graph).names.get("carla cruz")).toEqual(["c"]);
  });

  it("builds a graph's index in slices for a write without keeping it, unless the graph was prepared", async () => {
    const graph = randomGraph(6, 3000, 100);
    const sliced = await resolutionIndexInSlices(graph, { sliceMs: 0 });
    expect(sorted(sliced.names)).toEqual(sorted(resolutionIndexOf(graph).names));
    expect(await resolutionIndexInSlices(graph)).not.toBe(sliced);
    await prepareResolutionIndex(graph);
    expect(await resolutionIndexInSlices(graph)).toBe(resolutionIndexOf(graph));
  });
});
