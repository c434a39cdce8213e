import { describe, expect, it } from "vitest";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { copyInSlices } from "../../src/ingest/copyInSlices.ts";
import { IngestError } from "../../src/ingest/types.ts";
import { DataWriter } from "../../src/ingest/writer.ts";
import { resolutionIndexOf } from "../../src/ingest/resolutionIndex.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { cachedPathIndex, pathIndexOf } from "../../src/paths/index.ts";
import { makeTempData } from "../helpers/tempData.ts";
import { fixtureExtractor, type FixtureEntity, type FixtureRelation } from "./fixtureExtractor.ts";

const FIXED_NOW = () => new Date("2026-01-02T03:04:05.000Z");

/** Three short articles about the same few people; each links to someone an earlier one named. */
const ARTICLES = [
  "Writer One met Writer Two about Project Alpha.",
  "Writer Three met Writer One about Project Beta.",
  "Writer Two met Writer Three about Project Alpha.",
].map((text, i) => ({ title: `Meeting ${i + 1}`, text }));

const PEOPLE = ["One", "Two", "Three"];
const ENTITIES: FixtureEntity[] = [
  ...PEOPLE.map((n) => ({ id: `writer-${n.toLowerCase()}`, label: `Writer ${n}`, type: "person" as const })),
  { id: "project-alpha", label: "Project Alpha", type: "organization" },
  { id: "project-beta", label: "Project Beta", type: "organization" },
];
const RELATIONS: FixtureRelation[] = PEOPLE.flatMap((a) =>
  PEOPLE.filter((b) => b !== a).map((b) => ({
    source: `writer-${a.toLowerCase()}`,
    predicate: "mentioned_with",
    target: `writer-${b.toLowerCase()}`,
    quote: `Writer ${a} met Writer ${b}`,
  })),
);

/** A served seed graph and its writer on a fresh copy of graph-data/. */
function setup(options: { spareAtStart?: boolean } = {}) {
  const data = makeTempData();
  const served = new ServedGraph(buildToFile(undefined, { root: data.root, layout: { iterations: 20 } }).graph);
  const writer = new DataWriter(data.root, served, {
    // Only the entities an article names, so each article adds its own.
    extractor: (text, context) =>
      fixtureExtractor(
        ENTITIES.filter((e) => text.includes(e.label)),
        RELATIONS,
      )(text, context),
    now: FIXED_NOW,
    slices: { sliceMs: 0 },
    ...options,
  });
  const done = async () => {
    await writer.flush();
    data.remove();
  };
  return { served, writer, done, initial: served.graph };
}

/**
 * Everything a reader can see of a graph, in order: its attributes, its nodes and edges with theirs, and each node's
 * edges. `builtFrom` is left out: it fingerprints the data root, which differs between two setups.
 */
function contents(graph: KnowledgeGraph) {
  const { builtFrom: _builtFrom, ...attributes } = graph.getAttributes();
  return {
    attributes,
    nodes: graph.mapNodes((node, a) => ({ node, a })),
    edges: graph.mapEdges((edge, a, source, target) => ({ edge, a, source, target })),
    adjacency: graph.mapNodes((node) => graph.edges(node)),
  };
}

/** Ingests the articles in order, rejecting the first article's first relation between the second and the third. */
async function writeAll(writer: DataWriter, between: () => Promise<void> = async () => {}): Promise<void> {
  const first = await writer.ingest(ARTICLES[0]);
  await between();
  await writer.ingest(ARTICLES[1]);
  await between();
  await writer.decide(first.newRelations[0], "rejected");
  await between();
  await writer.ingest(ARTICLES[2]);
  await between();
}

describe("PrivateGraphs, as the DataWriter uses them", () => {
  it("gives the first write the copy begun at start, whether it is still being made or ready, as a fresh copy would", async () => {
    const plain = setup();
    const early = setup({ spareAtStart: true });
    const ready = setup({ spareAtStart: true });
    try {
      const later = new Promise((resolve) => setTimeout(resolve, 50)).then(() => writeAll(ready.writer));
      await Promise.all([writeAll(plain.writer), writeAll(early.writer), later]);
      for (const { served } of [early, ready]) expect(contents(served.graph)).toEqual(contents(plain.served.graph));
    } finally {
      await Promise.all([plain.done(), early.done(), ready.done()]);
    }
  });

  it("serves, after writes applied to a recycled graph, exactly the graph writes applied to fresh copies give", async () => {
    const recycling = setup();
    const copying = setup();
    // An open reader that began before any write may hold every graph served since: nothing is recycled.
    const holdAll = copying.served.openReader();
    try {
      await writeAll(recycling.writer, () => recycling.writer.idle());
      await writeAll(copying.writer, () => copying.writer.idle());
      expect(contents(recycling.served.graph)).toEqual(contents(copying.served.graph));
      // The next write resolves names against the index handed over from write to write: as a build of it would be.
      const built = resolutionIndexOf(await copyOf(recycling.served.graph));
      const handed = resolutionIndexOf(recycling.served.graph);
      expect([...handed.names].sort()).toEqual([...built.names].sort());
      expect([...handed.shortForms].sort()).toEqual([...built.shortForms].sort());
      expect(recycling.served.graph.order).toBe(copying.served.graph.order);
      // Four writes served two graph objects in turn; with every graph held, each write made a new one.
      expect(recycling.served.graph).toBe(recycling.initial);
      expect(copying.served.graph).not.toBe(copying.initial);
    } finally {
      holdAll();
      await recycling.done();
      await copying.done();
    }
  });

  it("answers from indexes of the recycled graph's new contents, not the ones it had before", async () => {
    const { served, writer, done, initial } = setup();
    try {
      const before = pathIndexOf(initial);
      await writer.ingest(ARTICLES[0]);
      await writer.idle();
      await writer.ingest(ARTICLES[1]);
      expect(served.graph).toBe(initial);
      expect(cachedPathIndex(initial)).not.toBe(before);
      expect(pathIndexOf(initial).nodes).toEqual(initial.nodes());
      expect(pathIndexOf(initial).nodes).toContain("writer-three");
    } finally {
      await done();
    }
  });

  it("never changes a graph that a reader may hold, and recycles again once the reader ends", async () => {
    const { served, writer, done, initial } = setup();
    const reader = served.openReader();
    const held = await copyOf(initial);
    try {
      await writer.ingest(ARTICLES[0]);
      await writer.idle();
      await writer.ingest(ARTICLES[1]);
      await writer.idle();
      expect(contents(initial)).toEqual(contents(held));
      expect(served.graph).not.toBe(initial);
      reader();
      const second = served.graph;
      await writer.ingest(ARTICLES[2]);
      await writer.idle();
      const third = served.graph;
      await writer.ingest({ title: "Meeting 4", text: "Writer One met Writer Three about Project Beta." });
      // Once the reader ended, the graph served before the third write's became the fourth's.
      expect(third).not.toBe(second);
      expect(served.graph).toBe(second);
    } finally {
      reader();
      await done();
    }
  });

  it("leaves both the served graph and the prepared spare untouched when a write is refused", async () => {
    const { served, writer, done, initial } = setup();
    try {
      await writer.ingest(ARTICLES[0]);
      await writer.idle();
      const current = served.graph;
      // Prepared in idle time: the graph served before, brought up to date with the write.
      expect(contents(initial)).toEqual(contents(current));
      const refused = await writer.ingest(ARTICLES[0]).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(IngestError);
      await expect(writer.decide("nonexistent-relation", "accepted")).rejects.toThrow(/does not exist/);
      expect(served.graph).toBe(current);
      expect(contents(initial)).toEqual(contents(current));
      await writer.ingest(ARTICLES[1]);
      expect(served.graph).toBe(initial);
      expect(initial.hasNode("writer-three")).toBe(true);
      expect(current.hasNode("writer-three")).toBe(false);
    } finally {
      await done();
    }
  });
});

/** A copy of `graph` as it is now. */
async function copyOf(graph: KnowledgeGraph): Promise<KnowledgeGraph> {
  return (await copyInSlices(graph, () => true))!;
}
