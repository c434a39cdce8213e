import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateGraph, writeGeneratedGraph } from "../../bench/graphs/generate.ts";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { readGraphJson, writeGraphJson } from "../../src/graphfile/graphFile.ts";
import { readAnyGraphFile } from "../../src/import/readAnyGraphFile.ts";
import { buildPathIndex, pathIndexOf } from "../../src/paths/pathIndex.ts";
import { seedServedIndexes, snapshotTargetOf } from "../../src/query/servedSnapshot.ts";
import { startServer } from "../../src/server/start.ts";
import { readSnapshot, saveSnapshot } from "../../src/snapshot/index.ts";
import { dataFilesOf } from "../../src/store/dataFiles.ts";
import { logger } from "../../src/util/logger.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";

describe("query", () => {
  afterEach(() => vi.restoreAllMocks());

  describe("seedServedIndexes, graph-data/'s build", () => {
    let data: TempData;
    let builtGraph: string;
    beforeAll(() => {
      data = makeTempData();
      builtGraph = dataFilesOf(data.root).builtGraph;
    });
    afterAll(() => data.remove());
    const source = () => ({ graphFile: null, dataRoot: data.root });

    it("has nothing to read for the graph kg build just made: its indexes are built, its snapshot written", () => {
      const { graph } = buildToFile(undefined, { root: data.root, layout: { iterations: 5 } });
      expect(existsSync(path.join(path.dirname(builtGraph), "graph.snapshot"))).toBe(true);
      expect(seedServedIndexes(graph, snapshotTargetOf(graph, source()))).toEqual({ type: "built" });
    });

    it("seeds the indexes of the build file read back from the snapshot beside it", () => {
      const graph = readGraphJson(builtGraph);
      const outcome = seedServedIndexes(graph, snapshotTargetOf(graph, source()));
      expect(outcome.type).toBe("seeded");
      expect(pathIndexOf(graph)).toEqual(buildPathIndex(graph));
    });

    it("refuses the snapshot as stale, with a log line, once the build file was written again (an ingest's save)", () => {
      const info = vi.spyOn(logger, "info");
      const graph = readGraphJson(builtGraph);
      writeGraphJson(graph, builtGraph);
      const outcome = seedServedIndexes(graph, snapshotTargetOf(graph, source()));
      expect(outcome).toMatchObject({ type: "refused", reason: "stale" });
      expect(info).toHaveBeenCalledWith(expect.objectContaining({ reason: "stale" }), expect.stringMatching(/rebuilt/));
    });
  });

  describe("seedServedIndexes, a foreign graph file", () => {
    const temp = useTempFiles("kg-served-snapshot-");

    it("finds no snapshot at first, then seeds from the one written to .kg-cache/ beside the file", () => {
      const file = temp.path("theirs.json");
      writeGeneratedGraph(generateGraph({ nodes: 300, edges: 1200, seed: 9 }), file);
      const first = readAnyGraphFile(file);
      const target = snapshotTargetOf(first, { graphFile: file, dataRoot: undefined })!;
      expect(target.file).toBe(path.join(temp.path(), ".kg-cache", "theirs.json.snapshot"));
      expect(seedServedIndexes(first, target)).toMatchObject({ type: "refused", reason: "missing" });
      expect(saveSnapshot(first, target.file, target.key)).toBe(true);
      const again = readAnyGraphFile(file);
      expect(seedServedIndexes(again, snapshotTargetOf(again, { graphFile: file, dataRoot: undefined }))).toMatchObject(
        { type: "seeded" },
      );
      expect(pathIndexOf(again)).toEqual(buildPathIndex(again));
    });
  });

  describe("snapshotTargetOf, a foreign file whose edges have no keys", () => {
    const temp = useTempFiles("kg-served-keyless-");

    it("keeps no snapshot: the edges get new ids at each load", () => {
      const file = temp.write(
        "keyless.json",
        JSON.stringify({
          nodes: [
            { key: "a", attributes: { label: "Alpha" } },
            { key: "b", attributes: { label: "Beta" } },
          ],
          edges: [{ source: "a", target: "b", attributes: { predicate: "supports" } }],
        }),
      );
      const graph = readAnyGraphFile(file);
      expect(graph.size).toBe(1);
      expect(snapshotTargetOf(graph, { graphFile: file, dataRoot: undefined })).toBeNull();
    });
  });

  describe("the server's start on a damaged snapshot", () => {
    const temp = useTempFiles("kg-served-damaged-");

    it("logs the refusal, answers from indexes it builds, and writes a valid snapshot in its place", async () => {
      const file = temp.path("theirs.json");
      writeGeneratedGraph(generateGraph({ nodes: 300, edges: 1200, seed: 9 }), file);
      const graph = readAnyGraphFile(file);
      const target = snapshotTargetOf(graph, { graphFile: file, dataRoot: undefined })!;
      saveSnapshot(graph, target.file, target.key);
      const bytes = readFileSync(target.file);
      bytes[bytes.length - 3] ^= 0xff;
      writeFileSync(target.file, bytes);
      const warn = vi.spyOn(logger, "warn");
      const server = await startServer({
        graphFile: file,
        port: 0,
        host: "127.0.0.1",
        watch: false,
        pathWorkers: 0,
        app: { requestLogs: false, webRoot: "/nonexistent" },
      });
      try {
        expect(warn).toHaveBeenCalledWith(expect.objectContaining({ reason: "checksum" }), expect.any(String));
        const label = graph.getNodeAttribute("n7", "label");
        const hits = (await request(server.url).get("/api/search").query({ q: label }).expect(200)).body;
        expect(JSON.stringify(hits)).toContain('"n7"');
        await server.context.snapshots!.idle();
        const rewritten = readSnapshot(target.file, { key: target.key });
        expect(rewritten.type).toBe("ok");
        if (rewritten.type === "ok") rewritten.snapshot.close();
      } finally {
        await server.close();
      }
    });
  });
});
