import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { buildGraph } from "../../src/graph/build.ts";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { loadDataset } from "../../src/store/load.ts";
import { validateDataset } from "../../src/graph/validate.ts";
import { DataWriter } from "../../src/ingest/writer.ts";
import { IngestError, type IngestResult } from "../../src/ingest/types.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { ACME_ARTICLE, acmeExtractor, fixtureExtractor } from "./fixtureExtractor.ts";

const FIXED_NOW = () => new Date("2026-01-02T03:04:05.000Z");

/** A temp graph-data root with a fresh build, the served graph and a writer using the article's extractor. */
function setup() {
  const data = makeTempData();
  const served = new ServedGraph(buildToFile(undefined, { root: data.root, layout: { iterations: 50 } }).graph);
  const writer = new DataWriter(data.root, served, { extractor: acmeExtractor, now: FIXED_NOW });
  return { data, served, writer };
}

/** Node and edge ids with the attributes that do not depend on layout or metrics. */
function structure(graph: KnowledgeGraph) {
  return {
    nodes: graph.mapNodes((n, a) => [n, a.type, a.source, [...a.documents].sort()].join("|")).sort(),
    edges: graph
      .mapEdges((e, a, s, t) => [e, s, a.predicate, t, a.status, a.source, a.evidence.length].join("|"))
      .sort(),
  };
}

describe("DataWriter", () => {
  describe("ingest", () => {
    let data: TempData;
    let served: ServedGraph;
    let writer: DataWriter;
    let result: IngestResult;
    let before: KnowledgeGraph;
    beforeAll(async () => {
      ({ data, served, writer } = setup());
      before = served.graph;
      result = await writer.ingest({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text, author: "A. Writer" });
    });
    afterAll(() => data.remove());

    it("stores the text, the metadata and the extracted facts, and the data still validates", () => {
      const id = result.document.id;
      expect(id).toMatch(/^001_[0-9a-f]{16}$/);
      expect(data.read(`documents/${id}.txt`)).toBe(ACME_ARTICLE.text);
      expect(data.read(`documents/${id}.meta.yaml`)).toContain("author: A. Writer");
      expect(data.read(`extracted/${id}.yaml`)).toContain("rule: new");
      expect(validateDataset(loadDataset(data.root))).toEqual([]);
      expect(readdirSync(data.root)).not.toContain(".staging");
    });

    it("swaps the served graph with one holding the new entities and candidate relations", () => {
      expect(served.graph).not.toBe(before);
      expect(result.newEntities.sort()).toEqual(["acme-robotics", "demining-contract", "jane-okafor"]);
      const leads = result.newRelations
        .map((r) => served.graph.getEdgeAttributes(r))
        .find((a) => a.predicate === "leads");
      expect(leads).toMatchObject({ source: "extracted", status: "candidate", kind: "typed" });
      expect(served.graph.source(result.newRelations[0])).toBe("jane-okafor");
      expect(served.graph.getNodeAttribute("acme-robotics", "source")).toBe("extracted");
      expect(served.graph.getAttribute("documents")?.map((d) => d.id)).toContain(result.document.id);
    });

    it("joins mentions to existing entities by id, label or alias, and records the rule", () => {
      const byLabel = Object.fromEntries(result.mergedEntities.map((m) => [m.label, m]));
      expect(byLabel["Ukraine"]).toMatchObject({ entity: "ukraine", rule: "id" });
      expect(byLabel["Mykhailo Podolyak"]).toMatchObject({ entity: "mykhailo-podolyak", rule: "label" });
      expect(byLabel["Secretary Blinken"]).toMatchObject({ entity: "antony-blinken", rule: "label" });
      expect(byLabel["The American government"]).toMatchObject({ entity: "united-states", rule: "alias" });
      expect(served.graph.getNodeAttribute("united-states", "documents")).toContain(result.document.id);
    });

    it("records the mentions the extractor joined inside the document, with their rule", async () => {
      const { readExtracted } = await import("../../src/ingest/files.ts");
      const { dataFilesOf: dataLayout } = await import("../../src/store/dataFiles.ts");
      const file = readExtracted(dataLayout(data.root), result.document.id)!;
      const okafor = file.entities.find((e) => e.label === "Jane Okafor")!;
      const start = ACME_ARTICLE.text.indexOf("Okafor said");
      expect(file.mentionMerges).toContainEqual({
        key: okafor.key,
        surface: "Okafor",
        start,
        end: start + 6,
        rule: "alias",
      });
    });

    it("lets the curated relation win: restating it adds evidence, not an edge", () => {
      expect(result.corroborated).toEqual(["podolyak-negotiates-for-ukraine"]);
      const evidence = served.graph.getEdgeAttribute("podolyak-negotiates-for-ukraine", "evidence");
      expect(evidence.map((e) => e.doc)).toEqual(["000_fd914f920b6354d3", result.document.id]);
      expect(before.getEdgeAttribute("podolyak-negotiates-for-ukraine", "evidence")).toHaveLength(1);
      expect(served.graph.getEdgeAttribute("podolyak-negotiates-for-ukraine", "source")).toBe("curated");
    });

    it("dates the document by the day it was added, and updates support and report dates as a rebuild would", () => {
      const documents = served.graph.getAttribute("documents")!;
      expect(documents.find((d) => d.id === result.document.id)).toEqual({
        id: result.document.id,
        title: ACME_ARTICLE.title,
        date: "2026-01-02",
        dateSource: "ingested",
      });
      const days = documents.map((d) => d.date!).sort();
      const restated = served.graph.getEdgeAttributes("podolyak-negotiates-for-ukraine");
      expect(restated).toMatchObject({ support: 2, firstReported: days[0], lastReported: days[days.length - 1] });
      const rebuilt = buildGraph({ root: data.root, layout: { iterations: 5 } }).graph;
      const reporting = (graph: KnowledgeGraph) =>
        graph.mapEdges((e, a) => [e, a.support, a.firstReported, a.lastReported].join("|")).sort();
      expect(reporting(served.graph)).toEqual(reporting(rebuilt));
    });

    it("skips relations that the ontology does not allow, saying why", () => {
      expect(result.skipped.map((s) => s.reason)).toEqual([
        'predicate "likes" is not in the ontology',
        '"leads" does not take a agreement as subject',
      ]);
    });

    it("keeps every existing position and puts new nodes beside their neighbours", () => {
      before.forEachNode((node, a) => {
        expect(served.graph.getNodeAttributes(node)).toMatchObject({ x: a.x, y: a.y, community: a.community });
      });
      const okafor = served.graph.getNodeAttributes("jane-okafor");
      const acme = served.graph.getNodeAttributes("acme-robotics");
      expect(Math.hypot(okafor.x - acme.x, okafor.y - acme.y)).toBeLessThan(60);
      expect(okafor.degree).toBe(served.graph.degree("jane-okafor"));
    });

    it("gives the same nodes and edges as a full rebuild of graph-data/", () => {
      expect(structure(buildGraph({ root: data.root, layout: { iterations: 5 } }).graph)).toEqual(
        structure(served.graph),
      );
    });

    it("saves the updated build (after the answer) so that a restart does not rebuild", async () => {
      const { isBuildStale } = await import("../../src/graph/build.ts");
      await writer.flush();
      expect(isBuildStale(path.join(data.root, "build", "graph.json"), data.root)).toBe(false);
    });

    it("refuses the same text again with 409 and writes nothing", async () => {
      const files = readdirSync(path.join(data.root, "documents")).sort();
      const error = await writer.ingest({ title: "Again", text: ACME_ARTICLE.text }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IngestError);
      expect(error).toMatchObject({ status: 409, details: { document: result.document.id } });
      expect(readdirSync(path.join(data.root, "documents")).sort()).toEqual(files);
    });

    it("numbers the next document after the last one", async () => {
      const next = await writer.ingest({ title: "Second", text: ACME_ARTICLE.text + "\nA second paragraph." });
      expect(next.document.id).toMatch(/^002_/);
      // Acme Robotics is now known: the second article joins it instead of creating "acme-robotics-2".
      expect(next.newEntities).toEqual([]);
      expect(next.mergedEntities.find((m) => m.label === "Acme Robotics")).toMatchObject({
        entity: "acme-robotics",
        rule: "id",
      });
    });
  });

  describe("entity resolution", () => {
    it("does not fuse two different things that share a name", async () => {
      const { data, served } = setup();
      const writer = new DataWriter(data.root, served, {
        extractor: fixtureExtractor(
          [
            { id: "israel", label: "Israel", type: "person" },
            { id: "ukraine", label: "Ukraine", type: "country" },
          ],
          [{ source: "israel", predicate: "official_of", target: "ukraine", quote: "Israel, an official of Ukraine" }],
        ),
      });
      const result = await writer.ingest({ title: "Namesake", text: "Israel, an official of Ukraine, spoke." });
      data.remove();
      expect(result.newEntities).toEqual(["israel-2"]);
      expect(served.graph.getNodeAttribute("israel-2", "type")).toBe("person");
      expect(served.graph.getNodeAttribute("israel", "type")).toBe("country");
    });
  });

  describe("short-form merges", () => {
    it("joins a later article's surname to the person named in full, as a merge that can be reverted", async () => {
      const { data, served } = setup();
      // Both articles name the plant's town; the first states them together, so the town is her neighbour.
      const writerFor = (id: string, label: string, quote: string) =>
        new DataWriter(data.root, served, {
          extractor: fixtureExtractor(
            [
              { id, label, type: "person" },
              { id: "fenwick", label: "Fenwick", type: "location" },
            ],
            [{ source: id, predicate: "mentioned_with", target: "fenwick", quote }],
          ),
        });
      const opening = "Grace Adeyemi opened the plant in Fenwick.";
      await writerFor("grace-adeyemi", "Grace Adeyemi", opening).ingest({ title: "Opening", text: opening });
      const later = writerFor("adeyemi", "Adeyemi", "Adeyemi said the Fenwick");
      const result = await later.ingest({ title: "Plant", text: "Adeyemi said the Fenwick plant would grow." });
      const merge = result.mergedEntities.find((m) => m.label === "Adeyemi");
      expect(merge).toMatchObject({ entity: "grace-adeyemi", rule: "short-form" });
      expect(served.graph.getNodeAttribute("grace-adeyemi", "documents")).toContain(result.document.id);
      await later.revertMerge(merge!.merge);
      expect(served.graph.getNodeAttribute(merge!.merge, "label")).toBe("Adeyemi");
      expect(served.graph.getNodeAttribute("grace-adeyemi", "documents")).not.toContain(result.document.id);
      expect(validateDataset(loadDataset(data.root))).toEqual([]);
      data.remove();
    });
  });

  describe("decide and revertMerge", () => {
    let data: TempData;
    let served: ServedGraph;
    let writer: DataWriter;
    let result: IngestResult;
    let leads: string;
    let praise: string;
    beforeAll(async () => {
      ({ data, served, writer } = setup());
      result = await writer.ingest({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text });
      const byPredicate = (p: string) =>
        result.newRelations.find((r) => served.graph.getEdgeAttribute(r, "predicate") === p)!;
      leads = byPredicate("leads");
      praise = result.newRelations.find(
        (r) =>
          served.graph.source(r) === "antony-blinken" &&
          served.graph.getEdgeAttribute(r, "predicate") === "positive_about",
      )!;
    });
    afterAll(() => data.remove());

    it("marks an accepted relation accepted and drops a rejected one, recording both in decisions.yaml", async () => {
      expect(await writer.decide(leads, "accepted")).toEqual({
        relation: leads,
        decision: "accepted",
        unchanged: false,
      });
      expect(await writer.decide(praise, "rejected")).toMatchObject({ decision: "rejected", unchanged: false });
      expect(served.graph.getEdgeAttribute(leads, "status")).toBe("accepted");
      expect(served.graph.hasEdge(praise)).toBe(false);
      const decisions = data.read("decisions.yaml");
      expect(decisions).toContain(`${leads}:\n    decision: accepted`);
      expect(decisions).toContain(`${praise}:\n    decision: rejected`);
    });

    it("copies the served graph in slices for a decision when no spare copy is ready, not in one go", async () => {
      const fresh = setup();
      try {
        const added = await fresh.writer.ingest({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text });
        const copy = vi.spyOn(fresh.served.graph, "copy");
        const before = fresh.served.graph;
        await fresh.writer.decide(added.newRelations[0], "accepted");
        expect(copy).not.toHaveBeenCalled();
        expect(fresh.served.graph).not.toBe(before);
        expect(fresh.served.graph.getEdgeAttribute(added.newRelations[0], "status")).toBe("accepted");
        expect(before.getEdgeAttribute(added.newRelations[0], "status")).toBe("candidate");
      } finally {
        await fresh.writer.flush();
        fresh.data.remove();
      }
    });

    it("keeps the decisions through a full rebuild and through another ingest", async () => {
      await writer.ingest({ title: "More", text: ACME_ARTICLE.text + "\nMore news." });
      const rebuilt = buildGraph({ root: data.root, layout: { iterations: 5 } }).graph;
      expect(rebuilt.getEdgeAttribute(leads, "status")).toBe("accepted");
      expect(rebuilt.hasEdge(praise)).toBe(false);
      expect(structure(rebuilt)).toEqual(structure(served.graph));
    });

    it("says so when a decision is repeated, and changes nothing", async () => {
      expect(await writer.decide(leads, "accepted")).toMatchObject({ unchanged: true });
      expect(await writer.decide(praise, "rejected")).toMatchObject({ unchanged: true });
    });

    it("refuses to review curated relations, unknown ids and rejected ones being accepted", async () => {
      await expect(writer.decide("podolyak-negotiates-for-ukraine", "rejected")).rejects.toMatchObject({
        status: 409,
        message: expect.stringContaining("is curated"),
      });
      await expect(writer.decide("no-such-relation", "accepted")).rejects.toMatchObject({ status: 404 });
      await expect(writer.decide(praise, "accepted")).rejects.toMatchObject({
        status: 409,
        message: expect.stringContaining("delete its entry from decisions.yaml"),
      });
    });

    it("reverts a merge: the mention becomes its own node and keeps its relations", async () => {
      const merge = result.mergedEntities.find((m) => m.entity === "united-states")!;
      const reverted = await writer.revertMerge(merge.merge);
      expect(reverted).toEqual({ merge: merge.merge, entity: merge.merge, unchanged: false });
      expect(served.graph.getNodeAttribute(merge.merge, "label")).toBe("The American government");
      expect(served.graph.outNeighbors(merge.merge)).toEqual(["demining-contract"]);
      expect(served.graph.getNodeAttribute("united-states", "documents")).not.toContain(result.document.id);
      expect(validateDataset(loadDataset(data.root))).toEqual([]);
      await expect(writer.revertMerge(`${result.document.id}.e999`)).rejects.toMatchObject({ status: 404 });
    });
  });

  it("prepares a copy of the served graph and the extractor's tables for it in idle time", async () => {
    const { data, served } = setup();
    const prepared: unknown[] = [];
    const extractor = Object.assign(acmeExtractor.bind(null), {
      prepare: (context: { graph?: unknown }) => prepared.push(context.graph),
    });
    const writer = new DataWriter(data.root, served, { extractor });
    await writer.ingest({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text });
    expect(prepared).toEqual([]);
    await writer.idle();
    expect(prepared).toEqual([served.graph]);
    const before = served.graph;
    await writer.ingest({ title: "Again", text: ACME_ARTICLE.text + "\nAgain." });
    // The next write changed the prepared copy, never the graph readers had.
    expect(served.graph).not.toBe(before);
    expect(before.hasNode("jane-okafor")).toBe(true);
    expect(served.graph.order).toBeGreaterThanOrEqual(before.order);
    expect(before.getAttribute("documents")).toHaveLength(2);
    expect(served.graph.getAttribute("documents")).toHaveLength(3);
    await writer.flush();
    data.remove();
  });

  it("writes nothing and serves the old graph when the extractor fails", async () => {
    const { data, served } = setup();
    const graph = served.graph;
    const failing = new DataWriter(data.root, served, {
      extractor: () => {
        throw new Error("model exploded");
      },
    });
    await expect(failing.ingest({ title: "T", text: "Some text." })).rejects.toThrow("model exploded");
    expect(served.graph).toBe(graph);
    expect(existsSync(path.join(data.root, "extracted"))).toBe(false);
    expect(readdirSync(path.join(data.root, "documents"))).toHaveLength(2);
    data.remove();
  });
});
