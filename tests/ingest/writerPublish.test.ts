import { afterEach, describe, expect, it, vi } from "vitest";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { DataWriter } from "../../src/ingest/writer.ts";
import { IngestError } from "../../src/ingest/types.ts";
import { resolutionIndexOf } from "../../src/ingest/resolutionIndex.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { cachedPathIndex } from "../../src/paths/index.ts";
import { cachedSearchIndex } from "../../src/search/index.ts";
import { answerPaths } from "../../src/query/paths.ts";
import { answerSearch } from "../../src/query/search.ts";
import { graphView } from "../../src/query/servedView.ts";
import { warmQueryIndexes } from "../../src/query/warm.ts";
import { logger } from "../../src/util/logger.ts";
import { makeTempData } from "../helpers/tempData.ts";
import { ACME_ARTICLE, acmeExtractor } from "./fixtureExtractor.ts";

const FIXED_NOW = () => new Date("2026-01-02T03:04:05.000Z");

/**
 * A served seed graph whose published graphs get their indexes in the smallest slices, and its writer; `beforeWarm`
 * may register a preparer that runs before the index build.
 */
function setup(beforeWarm: (served: ServedGraph) => void = () => {}) {
  const data = makeTempData();
  const served = new ServedGraph(buildToFile(undefined, { root: data.root, layout: { iterations: 50 } }).graph);
  beforeWarm(served);
  const stopWarming = warmQueryIndexes(served, { slices: { sliceMs: 0 } });
  const writer = new DataWriter(data.root, served, {
    extractor: acmeExtractor,
    now: FIXED_NOW,
    slices: { sliceMs: 0 },
  });
  const done = async () => {
    await writer.flush();
    stopWarming();
    data.remove();
  };
  return { data, served, writer, done };
}

/** What a reader gets from the served graph now: whether the article's people are found by search and by paths. */
function read(served: ServedGraph) {
  const graph = served.graph;
  const view = graphView(graph);
  const found = answerSearch(view, { q: "Jane Okafor" }).hits.some((h) => h.id === "jane-okafor");
  let linked: boolean;
  try {
    linked = answerPaths(view, { from: "jane-okafor", to: "mykhailo-podolyak" }).paths.length > 0;
  } catch {
    linked = false; // 404: no such entity yet
  }
  return { graph, found, linked, indexed: cachedPathIndex(graph) !== null && cachedSearchIndex(graph) !== null };
}

/** Reads the served graph between every two turns of the event loop until `stop` is called. */
function readContinuously(served: ServedGraph) {
  const reads: ReturnType<typeof read>[] = [];
  let running = true;
  const next = () =>
    setImmediate(() => {
      if (!running) return;
      reads.push(read(served));
      next();
    });
  next();
  return { reads, stop: () => (running = false) };
}

describe("DataWriter publishing", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers reads from the graph before a write while it is prepared, and from the whole new graph after", async () => {
    // Preparers run in the order registered: these two mark the start and the end of the new graph's index build.
    const marks = { start: -1, end: -1 };
    let reader: ReturnType<typeof readContinuously> | null = null;
    const mark = (at: "start" | "end") => async () => void (marks[at] = reader!.reads.length);
    const { served, writer, done } = setup((s) => s.prepareWith(mark("start")));
    served.prepareWith(mark("end"));
    const before = served.graph;
    reader = readContinuously(served);
    await writer.ingest({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text });
    reader.stop();
    const { reads } = reader;
    // The index build ran in several slices, each letting a read in; the graph was served right after it.
    expect(marks.end - marks.start).toBeGreaterThan(5);
    expect(reads).toHaveLength(marks.end);
    expect(reads.every((r) => r.graph === before && !r.found && !r.linked && r.indexed)).toBe(true);
    expect(read(served)).toMatchObject({ found: true, linked: true, indexed: true });
    // The next write resolves against the published graph's names: indexed before it was published, and kept.
    expect(resolutionIndexOf(served.graph)).toBe(resolutionIndexOf(served.graph));
    expect(resolutionIndexOf(served.graph).names.get("jane okafor")).toEqual(["jane-okafor"]);
    await done();
  });

  it("serves writes made one after another in the order they were made", async () => {
    const { served, writer, done } = setup();
    const published: KnowledgeGraph[] = [];
    served.on("change", (graph: KnowledgeGraph) => published.push(graph));
    const text = `${ACME_ARTICLE.text}\nAcme Robotics said the first robots ship in May.`;
    const [first, second] = await Promise.all([
      writer.ingest({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text }),
      writer.ingest({ title: "Acme Robotics ships in May", text }),
    ]);
    const documents = (graph: KnowledgeGraph) => graph.getAttribute("documents")!.map((d) => d.id);
    expect(published).toHaveLength(2);
    expect(documents(published[0])).toContain(first.document.id);
    expect(documents(published[0])).not.toContain(second.document.id);
    expect(documents(published[1])).toEqual([...documents(published[0]), second.document.id]);
    const evidence = served.graph.getEdgeAttribute("podolyak-negotiates-for-ukraine", "evidence");
    expect(evidence.map((e) => e.doc).slice(1)).toEqual([first.document.id, second.document.id]);
    expect(served.graph).toBe(published[1]);
    await done();
  });

  it("leaves the served graph, its version and its indexes as they were when a write is refused", async () => {
    const { data, served, writer, done } = setup();
    const info = vi.spyOn(logger, "info");
    const [graph, version, pathIndex] = [served.graph, served.version, cachedPathIndex(served.graph)];
    const changes = vi.fn();
    served.on("change", changes);
    const stored = data.read("documents/000_fd914f920b6354d3.txt");
    await expect(writer.ingest({ title: "Again", text: stored })).rejects.toBeInstanceOf(IngestError);
    await expect(writer.decide("podolyak-negotiates-for-ukraine", "rejected")).rejects.toThrow(/is curated/);
    expect(served.graph).toBe(graph);
    expect(served.version).toBe(version);
    expect(cachedPathIndex(served.graph)).toBe(pathIndex);
    expect(changes).not.toHaveBeenCalled();
    expect(info.mock.calls.filter(([, message]) => message === "query indexes built")).toEqual([]);
    await done();
  });
});
