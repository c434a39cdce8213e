import { afterEach, describe, expect, it } from "vitest";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { DataWriter } from "../../src/ingest/writer.ts";
import type { ServerContext } from "../../src/server/context.ts";
import { copiesAtStart, DEFAULT_WRITE_SETUP_OPTIONS, setupWrites } from "../../src/server/writes.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { ACME_ARTICLE, acmeExtractor } from "../ingest/fixtureExtractor.ts";

describe("setupWrites", () => {
  describe("copiesAtStart", () => {
    it("copies the first write's graph at start only with writes on and up to the largest graph it is set for", () => {
      const max = DEFAULT_WRITE_SETUP_OPTIONS.spareAtStartMaxNodes;
      expect(copiesAtStart(true, max)).toBe(true);
      expect(copiesAtStart(true, max + 1)).toBe(false);
      expect(copiesAtStart(false, 10)).toBe(false);
      expect(copiesAtStart(true, 1_000, { spareAtStartMaxNodes: 999 })).toBe(false);
    });
  });

  describe("watching graph-data/", () => {
    let data: TempData;
    let stop: () => Promise<void>;
    afterEach(async () => {
      await stop();
      data.remove();
    });

    it("takes in the documents another writer adds while that writer keeps writing", async () => {
      data = makeTempData();
      const graph = buildToFile(undefined, { root: data.root, layout: { iterations: 20 } }).graph;
      const ctx: ServerContext = { served: new ServedGraph(graph), dataRoot: data.root, readOnly: false };
      stop = setupWrites(ctx, { extractor: acmeExtractor, debounceMs: 200, pollMs: 0 });
      const other = new DataWriter(data.root, new ServedGraph(graph), { extractor: acmeExtractor });
      // Documents back to back: never a pause as long as the 200 ms the server waits after a change.
      let written = 0;
      let seenWhileWriting = 0;
      while (seenWhileWriting === 0 && written < 100) {
        await other.ingest({ title: `Dispatch ${written}`, text: `${ACME_ARTICLE.text}\nDispatch ${written}.` });
        written++;
        await new Promise((resolve) => setImmediate(resolve));
        seenWhileWriting = (ctx.served.graph.getAttribute("documents") ?? []).length - 1;
      }
      expect(seenWhileWriting).toBeGreaterThan(0);
      expect(written).toBeLessThan(100);
      await other.flush();
    });
  });
});
