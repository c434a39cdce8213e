import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildGraph } from "../../src/graph/build.ts";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { addedDocumentIds } from "../../src/ingest/addedDocuments.ts";
import type { Extractor } from "../../src/ingest/types.ts";
import { DataWriter } from "../../src/ingest/writer.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { makeTempData, SEED_DOC, type TempData } from "../helpers/tempData.ts";
import { ACME_ARTICLE, fixtureExtractor, type FixtureEntity, type FixtureRelation } from "./fixtureExtractor.ts";

const REPORTERS = ["Ida Marsh", "Tomas Vey", "Lena Quist", "Omar Fell", "Rita Sand", "Yuri Holm"];

/** The article's entities and relations plus one person per reporter, who leads Acme Robotics in some articles. */
const ENTITIES: FixtureEntity[] = [
  ...ACME_ARTICLE.entities,
  ...REPORTERS.map((label) => ({ id: label.toLowerCase().replace(" ", "-"), label, type: "person" as const })),
];
const RELATIONS: FixtureRelation[] = [
  ...ACME_ARTICLE.relations,
  ...REPORTERS.map((label) => ({
    source: label.toLowerCase().replace(" ", "-"),
    predicate: "leads",
    target: "acme-robotics",
    quote: `Acme Robotics, now led by ${label}`,
  })),
];

/** Reports only the table's entities the text names, so each article brings its own new people. */
const extractor: Extractor = (text) =>
  fixtureExtractor(
    ENTITIES.filter((e) => text.includes(e.label)),
    RELATIONS,
  )(text);

/** Article `i`: the Acme article, a line on one reporter, and a number that makes every text distinct. */
function article(i: number) {
  const reporter = REPORTERS[i % REPORTERS.length];
  const text = `${ACME_ARTICLE.text}\nAcme Robotics, now led by ${reporter}, reported dispatch number ${i}.`;
  return { title: `Dispatch ${i}`, text, date: `2026-01-${String(1 + (i % 28)).padStart(2, "0")}` };
}

/** The extractor, but holding article `i` until `release()`; `atGate` resolves when it gets there. */
function gatedAt(i: number) {
  let release = () => undefined as void;
  let reached = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const atGate = new Promise<void>((resolve) => (reached = resolve));
  const gated: Extractor = async (text, context) => {
    if (text.includes(`dispatch number ${i}.`)) {
      reached();
      await held;
    }
    return extractor(text, context);
  };
  return { gated, atGate, release: () => release() };
}

/** Everything a full reload decides alike: the graph's attributes, and nodes and edges in order, positions aside. */
function content(graph: KnowledgeGraph) {
  const { attributes, nodes, edges } = graph.export();
  return {
    attributes,
    nodes: nodes.map(({ key, attributes: a }) => {
      const { x: _x, y: _y, community: _community, ...rest } = a ?? {};
      return { key, ...rest };
    }),
    edges,
  };
}

/** A served root: the server's writer, and another writer standing for a `kg ingest` beside it. */
async function setup() {
  const data = makeTempData();
  const served = new ServedGraph(buildToFile(undefined, { root: data.root, layout: { iterations: 20 } }).graph);
  const server = new DataWriter(data.root, served, { extractor });
  // As a server does when it starts watching: record which files the served graph reflects.
  expect(await server.refresh()).toBe("unchanged");
  const otherServed = new ServedGraph(served.graph);
  const other = new DataWriter(data.root, otherServed, { extractor, saveDelayMs: 60_000 });
  return { data, served, server, other, otherServed };
}

describe("addedDocuments", () => {
  describe("addedDocumentIds", () => {
    const known = ["documents/000_a.txt", "documents/000_a.meta.yaml", "extracted/000_a.yaml", "entities.yaml"];
    const whole = (id: string) => [`documents/${id}.txt`, `documents/${id}.meta.yaml`, `extracted/${id}.yaml`];

    it("lists whole added documents in the order a full load applies them", () => {
      expect(addedDocumentIds([...whole("010_c"), ...whole("002_b")], known)).toEqual(["002_b", "010_c"]);
    });

    it("refuses a document missing one of its three files", () => {
      expect(addedDocumentIds(whole("002_b").slice(0, 2), known)).toBeNull();
    });

    it("refuses any other added file", () => {
      expect(addedDocumentIds([...whole("002_b"), "decisions.yaml"], known)).toBeNull();
      expect(addedDocumentIds([...whole("002_b"), "relations/x.yaml"], known)).toBeNull();
    });

    it("refuses a document that sorts before one already known", () => {
      expect(addedDocumentIds(whole("000_0"), known)).toBeNull();
    });
  });

  describe("DataWriter.refresh after another process's ingest", () => {
    let data: TempData;
    let served: ServedGraph;
    let server: DataWriter;
    let other: DataWriter;
    let otherServed: ServedGraph;
    beforeEach(async () => ({ data, served, server, other, otherServed } = await setup()));
    afterEach(async () => {
      await server.flush();
      await other.flush();
      data.remove();
    });

    it("merges each step's added documents and serves what a full reload of the folder gives", async () => {
      let next = 0;
      for (const size of [1, 3, 2, 4]) {
        const step = Array.from({ length: size }, () => article(next++));
        const outcomes = await other.ingestStep(step);
        expect(outcomes.every((o) => !(o instanceof Error))).toBe(true);
        const before = served.graph;
        expect(await server.refresh()).toBe("applied");
        expect(served.graph).not.toBe(before);
        expect(served.graph.getAttribute("documents")).toHaveLength(1 + next);
        expect(content(served.graph)).toEqual(
          content(buildGraph({ root: data.root, layout: { iterations: 1 } }).graph),
        );
      }
      // The other writer applied the same documents to the same start: the same places and communities too.
      expect(served.graph.export()).toEqual(otherServed.graph.export());
    });

    it("reloads in full when a file was edited rather than added", async () => {
      await other.ingestStep([article(0)]);
      expect(await server.refresh()).toBe("applied");
      const edge = served.graph.edges().find((e) => served.graph.getEdgeAttribute(e, "source") === "extracted")!;
      await other.decide(edge, "rejected");
      expect(await server.refresh()).toBe("reloaded");
      expect(served.graph.hasEdge(edge)).toBe(false);
      expect(content(served.graph)).toEqual(content(buildGraph({ root: data.root, layout: { iterations: 1 } }).graph));
    });

    it("reloads in full when an added document sorts before the last one served", async () => {
      await other.ingestStep([article(0), article(1)]);
      expect(await server.refresh()).toBe("applied");
      // A whole document with no facts, numbered before the ones ingested: a full load applies it before them.
      const meta = data.read(`documents/${SEED_DOC}.meta.yaml`).replaceAll(SEED_DOC, "000_early");
      data.write("documents/000_early.txt", "An early note.");
      data.write("documents/000_early.meta.yaml", meta);
      data.write("extracted/000_early.yaml", `document: 000_early\nentities: []\nrelations: []\n`);
      expect(await server.refresh()).toBe("reloaded");
      expect(content(served.graph)).toEqual(content(buildGraph({ root: data.root, layout: { iterations: 1 } }).graph));
    });

    it("does not apply a step half-way while its writer holds the lock", async () => {
      // The step's second document waits inside the step, after the first one is extracted.
      const { gated, atGate, release } = gatedAt(1);
      const slow = new DataWriter(data.root, otherServed, { extractor: gated, saveDelayMs: 60_000 });
      const before = served.graph;
      const step = slow.ingestStep([article(0), article(1)]);
      await atGate;
      // The first document is extracted, but the step commits its documents together at its end.
      expect(readdirSync(path.join(data.root, "documents"))).toEqual([`${SEED_DOC}.meta.yaml`, `${SEED_DOC}.txt`]);
      const refreshed = server.refresh();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(served.graph).toBe(before);
      release();
      await step;
      expect(await refreshed).toBe("applied");
      expect(served.graph.getAttribute("documents")).toHaveLength(3);
      expect(content(served.graph)).toEqual(content(buildGraph({ root: data.root, layout: { iterations: 1 } }).graph));
    });

    it("applies under the lock only what it parsed before taking it, and the step committed meanwhile next", async () => {
      await other.ingestStep([article(0), article(1)]);
      const { gated, atGate, release } = gatedAt(3);
      const slow = new DataWriter(data.root, otherServed, { extractor: gated, saveDelayMs: 60_000 });
      const step = slow.ingestStep([article(2), article(3)]);
      await atGate;
      const published: number[] = [];
      served.on("change", (graph: KnowledgeGraph) => published.push(graph.getAttribute("documents")?.length ?? 0));
      // Parses the first step's files, then waits for the lock the second step holds.
      const refreshed = server.refresh();
      await new Promise((resolve) => setTimeout(resolve, 100));
      release();
      await step;
      expect(await refreshed).toBe("applied");
      expect(published).toEqual([3, 5]);
      expect(content(served.graph)).toEqual(content(buildGraph({ root: data.root, layout: { iterations: 1 } }).graph));
    });

    it("does not apply a document whose extracted file is not in place yet, nor one still being staged", async () => {
      await other.ingestStep([article(0)]);
      await server.refresh();
      const [meta, text] = [data.read(`documents/${SEED_DOC}.meta.yaml`), "Acme Robotics, led by Jane Okafor."];
      // A file still being written lives under a hidden name until it is renamed into place: unseen.
      mkdirSync(path.join(data.root, ".staging", "tx"), { recursive: true });
      writeFileSync(path.join(data.root, ".staging", "tx", "0"), text);
      expect(await server.refresh()).toBe("unchanged");
      // A text and its metadata without the extracted facts: not a whole document, so the full reload decides.
      writeFileSync(path.join(data.root, "documents", "900_late.txt"), text);
      writeFileSync(path.join(data.root, "documents", "900_late.meta.yaml"), meta.replaceAll(SEED_DOC, "900_late"));
      expect(await server.refresh()).toBe("reloaded");
      expect(content(served.graph)).toEqual(content(buildGraph({ root: data.root, layout: { iterations: 1 } }).graph));
    });
  });
});
