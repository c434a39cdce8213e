import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import path from "node:path";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { validateDataset } from "../../src/graph/validate.ts";
import { ingestBatch, type BatchOutcome } from "../../src/ingest/batch.ts";
import type { BatchItem } from "../../src/ingest/batchInput.ts";
import { DataWriter } from "../../src/ingest/writer.ts";
import { loadDataset } from "../../src/store/load.ts";
import request from "supertest";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { ACME_ARTICLE, acmeExtractor } from "./fixtureExtractor.ts";
import { writeHarness } from "./harness.ts";

const SECOND = "Acme Robotics, led by Jane Okafor, signed a demining contract with Ukraine again.";

function setup() {
  const data = makeTempData();
  const served = new ServedGraph(buildToFile(undefined, { root: data.root, layout: { iterations: 20 } }).graph);
  const writer = new DataWriter(data.root, served, { extractor: acmeExtractor });
  return { data, served, writer };
}

async function collect(writer: DataWriter, items: BatchItem[], stepDocuments = 50): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = [];
  for await (const outcome of ingestBatch(writer, items, { stepDocuments })) outcomes.push(outcome);
  return outcomes;
}

const documents = (root: string) => readdirSync(path.join(root, "documents")).sort();

describe("ingest", () => {
  describe("ingestBatch", () => {
    let data: TempData;
    let served: ServedGraph;
    let writer: DataWriter;
    let outcomes: BatchOutcome[];
    let versionBefore: number;
    let filesBefore: string[];
    beforeAll(async () => {
      ({ data, served, writer } = setup());
      versionBefore = served.version;
      filesBefore = documents(data.root);
      outcomes = await collect(writer, [
        { line: 1, id: "a", input: { title: ACME_ARTICLE.title, text: ACME_ARTICLE.text } },
        { line: 2, error: "the line is not JSON" },
        { line: 3, id: "bad", input: { title: "Bad date", text: SECOND, date: "2024-02-30" } },
        { line: 4, input: { title: "Again", text: SECOND } },
        { file: "x.html", skipped: "x.html is HTML" },
        // The first article once more, re-wrapped with Windows line endings: already stored in this very step.
        { line: 5, input: { title: "Copy", text: ACME_ARTICLE.text.replace(/\n/g, "\r\n  ") } },
      ]);
    });
    afterAll(async () => {
      await writer.flush();
      data.remove();
    });

    it("reports one outcome per item, in input order, naming its line or file", () => {
      expect(outcomes.map((o) => [o.status, "line" in o ? o.line : "file" in o ? o.file : o.url])).toEqual([
        ["added", 1],
        ["failed", 2],
        ["failed", 3],
        ["added", 4],
        ["skipped", "x.html"],
        ["duplicate", 5],
      ]);
      expect(outcomes[0]).toMatchObject({ id: "a", title: ACME_ARTICLE.title, words: expect.any(Number) });
      expect(outcomes[2]).toMatchObject({ id: "bad", error: expect.stringContaining("not a calendar date") });
    });

    it("refuses a near-duplicate of a document added earlier in the same step, naming it", () => {
      const first = outcomes[0].status === "added" ? outcomes[0].document : "";
      expect(outcomes[5]).toMatchObject({ status: "duplicate", document: first });
    });

    it("stores the added documents only (text and metadata), and the data still validates", () => {
      expect(documents(data.root).length).toBe(filesBefore.length + 4);
      expect(validateDataset(loadDataset(data.root))).toEqual([]);
    });

    it("updates the served graph once per step, not per document", () => {
      expect(served.version).toBe(versionBefore + 1);
      const ids = (served.graph.getAttribute("documents") ?? []).map((d) => d.id);
      for (const o of outcomes) if (o.status === "added") expect(ids).toContain(o.document);
    });

    it("adds nothing on a second run over the same input", async () => {
      const files = documents(data.root);
      const version = served.version;
      const again = await collect(writer, [
        { line: 1, input: { title: ACME_ARTICLE.title, text: ACME_ARTICLE.text } },
        { line: 4, input: { title: "Again", text: SECOND } },
      ]);
      expect(again.map((o) => o.status)).toEqual(["duplicate", "duplicate"]);
      expect(documents(data.root)).toEqual(files);
      expect(served.version).toBe(version);
    });
  });

  describe("ingestBatch in small steps", () => {
    it("publishes once per step and gives the graph that single ingests give", async () => {
      const batch = setup();
      const single = setup();
      try {
        const texts = [ACME_ARTICLE.text, SECOND, `${SECOND} Mykhailo Podolyak, Kyiv’s lead negotiator, agreed.`];
        const version = batch.served.version;
        await collect(
          batch.writer,
          texts.map((text, i) => ({ line: i + 1, input: { title: `T${i}`, text } })),
          2,
        );
        for (const [i, text] of texts.entries()) await single.writer.ingest({ title: `T${i}`, text });
        expect(batch.served.version).toBe(version + 2);
        const shape = (s: ServedGraph) => ({ nodes: s.graph.nodes().sort(), edges: s.graph.edges().sort() });
        expect(shape(batch.served)).toEqual(shape(single.served));
      } finally {
        batch.data.remove();
        single.data.remove();
      }
    });
  });

  describe("ingestBatch beside the server", () => {
    it("shares its duplicate check with POST /api/documents, both ways", async () => {
      const h = writeHarness();
      try {
        const [added] = await collect(h.ctx.writer!, [{ line: 1, input: { title: "Batch", text: SECOND } }]);
        expect(added.status).toBe("added");
        const res = await request(h.app)
          .post("/api/documents")
          .send({ title: "Pasted", text: `  ${SECOND.replace(/ /g, "\n")}\r\n` })
          .expect(409);
        expect(res.body.error.document).toBe(added.status === "added" ? added.document : "");
        await request(h.app).post("/api/documents").send({ title: "Pasted", text: ACME_ARTICLE.text }).expect(201);
        const [again] = await collect(h.ctx.writer!, [
          { line: 1, input: { title: "Copy", text: ACME_ARTICLE.text.replace(/\n/g, "\r\n") } },
        ]);
        expect(again.status).toBe("duplicate");
      } finally {
        await h.remove();
      }
    });
  });
});
