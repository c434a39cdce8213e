import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import { copyInSlices } from "../../src/ingest/copyInSlices.ts";
import { eventLoopTurnsDuring } from "../helpers/eventLoop.ts";

describe("copyInSlices", () => {
  const seed = buildGraph().graph;

  it("copies the graph as graphology's copy() does: options, attributes, nodes and edges in order", async () => {
    const copy = await copyInSlices(seed, () => true, { edgesPerSlice: 3 });
    expect(copy).not.toBeNull();
    expect(copy!.export()).toEqual(seed.copy().export());
    expect(JSON.stringify(copy!.export())).toBe(JSON.stringify(seed.export()));
  });

  it("gives the copy attribute objects of its own", async () => {
    const copy = (await copyInSlices(seed, () => true))!;
    const edge = seed.edges()[0];
    copy.setEdgeAttribute(edge, "confidence", 0.01);
    copy.setNodeAttribute(seed.nodes()[0], "label", "changed");
    expect(seed.getEdgeAttribute(edge, "confidence")).not.toBe(0.01);
    expect(seed.getNodeAttribute(seed.nodes()[0], "label")).not.toBe("changed");
  });

  it("lets the event loop run between slices", async () => {
    expect(await eventLoopTurnsDuring(() => copyInSlices(seed, () => true, { edgesPerSlice: 5 }))).toBeGreaterThan(0);
  });

  it("gives up, returning null, once the copy is no longer wanted", async () => {
    let slices = 0;
    const copy = await copyInSlices(seed, () => ++slices < 2, { edgesPerSlice: 5 });
    expect(copy).toBeNull();
    expect(slices).toBe(2);
  });
});
