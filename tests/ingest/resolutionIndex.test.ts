import { describe, expect, it } from "vitest";
import { recordChanges } from "../../src/graph/changeLog.ts";
import {
  handOverResolutionIndex,
  prepareResolutionIndex,
  resolutionIndexInSlices,
  resolutionIndexOf,
} from "../../src/ingest/resolutionIndex.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { pathIndexOf } from "../../src/paths/index.ts";
import { drain } from "../../src/util/slices.ts";
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

  describe("handOverResolutionIndex", () => {
    /** A prepared graph, a copy of it changed by `change` while recorded, and the hand-over's outcome. */
    async function handedOver(change: (graph: KnowledgeGraph) => void) {
      const before = randomGraph(11, 400, 1200);
      before.replaceNodeAttributes("n3", entity("Petra Novak", ["Novak"]));
      before.replaceNodeAttributes("n9", entity("Petra Novak"));
      await prepareResolutionIndex(before, { sliceMs: 0 });
      const after = before.copy();
      const recorder = recordChanges(after);
      change(after);
      recorder.stop();
      const handed = drain(handOverResolutionIndex(before, after, recorder.log, pathIndexOf(before).nodeIndex));
      return { before, after, handed };
    }

    it("gives the changed graph the index a build of it gives, lists in graph order, and takes it from the old one", async () => {
      const { before, after, handed } = await handedOver((g) => {
        g.addNode("n-new", entity("Jan Novak"));
        g.mergeNodeAttributes("n5", { label: "Petra Novak", aliases: ["P. Novak"] });
        g.mergeNodeAttributes("n3", { type: "organization" });
        g.dropNode("n9");
        g.addNode("n9", entity("Petra Novak"));
        g.mergeNodeAttributes("n7", { degree: 99 });
      });
      expect(handed).toBe(true);
      const built = resolutionIndexOf(after.copy());
      const index = resolutionIndexOf(after);
      expect(sorted(index.names)).toEqual(sorted(built.names));
      expect(sorted(index.shortForms)).toEqual(sorted(built.shortForms));
      expect(index.names.get("petra novak")).toEqual(["n3", "n5", "n9"]);
      // The old graph's index went with the hand-over: it is built afresh if asked for.
      expect(resolutionIndexOf(before)).not.toBe(index);
    });

    it("hands nothing over from a graph that has no prepared index", () => {
      const before = randomGraph(12, 50, 100);
      const after = before.copy();
      const recorder = recordChanges(after);
      after.addNode("n-new", entity("Jan Novak"));
      expect(drain(handOverResolutionIndex(before, after, recorder.log, pathIndexOf(before).nodeIndex))).toBe(false);
    });
  });
});
