/**
 * Snapshot writes of a server: a start without a valid snapshot listens and answers before writing one in the
 * background (held here by a gate the test opens), and the next start serves on it; a write through the API is
 * followed by a snapshot of the saved graph; a superseded or failed write, or one under way when the server closes,
 * leaves no file behind, and a start's write sweeps the stale temporary files a killed server left.
 */
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateGraph, writeGeneratedGraph } from "../../bench/graphs/generate.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { readAnyGraphFile } from "../../src/import/readAnyGraphFile.ts";
import type { KnowledgeGraph, RelationAttributes } from "../../src/model/types.ts";
import { startTargetOf } from "../../src/query/servedSnapshot.ts";
import { SnapshotWriter } from "../../src/server/snapshotWriter.ts";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { dataFilesOf } from "../../src/store/dataFiles.ts";
import { DEFAULT_STALE_TEMPORARY_OPTIONS } from "../../src/store/temporaryFiles.ts";
import { acmeExtractor, ACME_ARTICLE } from "../ingest/fixtureExtractor.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";
import { body, gate, QUIET } from "./startFixture.ts";

/** The temporary files of atomic writes left in `dir`. */
function temporaryFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".tmp")) : [];
}

describe("server", () => {
  describe("a first start of a graph file without a snapshot", () => {
    const temp = useTempFiles("kg-snapshot-writer-start-");
    let file: string;
    let first: RunningServer;
    let second: RunningServer | undefined;
    const held = gate();
    const urls = [
      "/api/paths?from=n1&to=n2&k=3",
      "/api/paths?from=n10&to=n200&k=2",
      "/api/graph/nodes/n7?limit=5",
      "/api/nodes/n3/neighbors?depth=2&limit=30",
      "/api/search?q=n1",
    ];

    beforeAll(async () => {
      file = temp.path("generated.json");
      writeGeneratedGraph(generateGraph({ nodes: 2000, edges: 10_000, seed: 33 }), file);
      first = await startServer({ ...QUIET, graphFile: file, startOnSnapshot: true, snapshotWriteGate: held.promise });
    });
    afterAll(async () => {
      held.open();
      await Promise.all([first?.close(), second?.close()]);
    });

    it("listens and answers before its snapshot is written", async () => {
      const target = startTargetOf({ graphFile: file, dataRoot: undefined })!;
      for (const url of urls) expect((await body(first, url)).status, url).toBe(200);
      expect(first.context.snapshots!.status).toEqual({ type: "idle" });
      expect(existsSync(target.file)).toBe(false);
    });

    it("then writes it in the background, and the next start serves on it with the same answers", async () => {
      held.open();
      await first.context.snapshots!.idle();
      const target = startTargetOf({ graphFile: file, dataRoot: undefined })!;
      expect(first.context.snapshots!.status).toMatchObject({ type: "written", file: target.file });
      expect(existsSync(target.file)).toBe(true);
      expect(temporaryFiles(path.dirname(target.file))).toEqual([]);
      second = await startServer({
        ...QUIET,
        graphFile: file,
        startOnSnapshot: true,
        graphBuildGate: new Promise(() => {}),
      });
      expect(second.context.served.ready).toBe(false);
      expect((await body(second, "/api/health")).body).toMatchObject({ graph: "building" });
      for (const url of urls) expect(await body(second, url), url).toEqual(await body(first, url));
      // Started on a valid snapshot: nothing to write.
      expect(second.context.snapshots!.status).toEqual({ type: "idle" });
    });
  });

  describe("a write through the API", () => {
    let data: TempData;
    beforeAll(() => {
      data = makeTempData();
    });
    afterAll(() => data.remove());

    it("is followed by a snapshot of the saved graph, which the next start serves, the new entities included", async () => {
      const server = await startServer({ ...QUIET, dataRoot: data.root, extractor: acmeExtractor });
      const snapshotFile = path.join(path.dirname(dataFilesOf(data.root).builtGraph), "graph.snapshot");
      try {
        await server.context.snapshots!.idle();
        const res = await request(server.url)
          .post("/api/documents")
          .send({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text, date: "2026-01-05" });
        expect(res.status).toBe(201);
        expect(res.body.newEntities).toContain("jane-okafor");
        await server.context.writer!.idle();
        await server.context.snapshots!.idle();
        expect(server.context.snapshots!.status).toMatchObject({ type: "written", file: snapshotFile });
        expect(temporaryFiles(path.dirname(snapshotFile))).toEqual([]);
      } finally {
        await server.close();
      }
      const again = await startServer({
        ...QUIET,
        dataRoot: data.root,
        startOnSnapshot: true,
        graphBuildGate: new Promise(() => {}),
      });
      try {
        expect(again.context.served.ready).toBe(false);
        const hits = await body(again, "/api/search?q=Jane%20Okafor");
        expect(JSON.stringify(hits.body)).toContain('"jane-okafor"');
        const node = await body(again, "/api/graph/nodes/jane-okafor");
        expect(node.status).toBe(200);
        expect(JSON.stringify(node.body)).toContain("Acme Robotics");
      } finally {
        await again.close();
      }
    });
  });

  describe("a server closing while it writes its snapshot", () => {
    const temp = useTempFiles("kg-snapshot-writer-close-");
    let file: string;
    beforeAll(() => {
      file = temp.path("generated.json");
      writeGeneratedGraph(generateGraph({ nodes: 20_000, edges: 100_000, seed: 5 }), file);
    });

    it("abandons the write: no snapshot and no temporary file are left", async () => {
      const server = await startServer({ ...QUIET, graphFile: file });
      const target = startTargetOf({ graphFile: file, dataRoot: undefined })!;
      const dir = path.dirname(target.file);
      try {
        while (temporaryFiles(dir).length === 0) await new Promise((resolve) => setImmediate(resolve));
      } finally {
        await server.close();
      }
      expect(server.context.snapshots!.status).toEqual({ type: "abandoned", file: target.file });
      expect(temporaryFiles(dir)).toEqual([]);
      expect(existsSync(target.file)).toBe(false);
    });

    it("abandons a write held back even when saving the build file fails: none is written after the close", async () => {
      const data = makeTempData();
      const held = gate();
      const server = await startServer({ ...QUIET, dataRoot: data.root, snapshotWriteGate: held.promise });
      const build = path.dirname(dataFilesOf(data.root).builtGraph);
      try {
        server.context.writer!.flush = () => Promise.reject(new Error("disk full"));
        await expect(server.close()).rejects.toThrow("disk full");
        held.open();
        await server.context.snapshots!.idle();
        expect(server.context.snapshots!.status.type).toBe("abandoned");
        expect(readdirSync(build).filter((name) => name.includes("snapshot"))).toEqual([]);
      } finally {
        held.open();
        data.remove();
      }
    });
  });

  describe("a start that writes its snapshot", () => {
    const temp = useTempFiles("kg-snapshot-writer-sweep-");

    it("removes the stale temporary files a killed server left beside it, and keeps a fresh one", async () => {
      const file = temp.path("generated.json");
      writeGeneratedGraph(generateGraph({ nodes: 500, edges: 2000, seed: 6 }), file);
      const target = startTargetOf({ graphFile: file, dataRoot: undefined })!;
      const dir = path.dirname(target.file);
      mkdirSync(dir, { recursive: true });
      const name = path.basename(target.file);
      const stale = path.join(dir, `.${name}.1.1.tmp`);
      const fresh = path.join(dir, `.${name}.1.2.tmp`);
      const other = path.join(dir, `.other.snapshot.1.1.tmp`);
      const longAgo = new Date(Date.now() - 2 * DEFAULT_STALE_TEMPORARY_OPTIONS.staleMs);
      for (const leftover of [stale, fresh, other]) writeFileSync(leftover, "partial");
      for (const leftover of [stale, other]) utimesSync(leftover, longAgo, longAgo);
      const server = await startServer({ ...QUIET, graphFile: file });
      try {
        await server.context.snapshots!.idle();
        expect(server.context.snapshots!.status).toMatchObject({ type: "written", file: target.file });
        expect(temporaryFiles(dir).sort()).toEqual([path.basename(other), path.basename(fresh)].sort());
      } finally {
        await server.close();
      }
    });
  });

  describe("a start on a valid snapshot", () => {
    const temp = useTempFiles("kg-snapshot-writer-sweep-valid-");

    it("sweeps the stale temporary files beside it too, though it writes nothing", async () => {
      const file = temp.path("generated.json");
      writeGeneratedGraph(generateGraph({ nodes: 500, edges: 2000, seed: 7 }), file);
      const first = await startServer({ ...QUIET, graphFile: file });
      await first.context.snapshots!.idle();
      await first.close();
      const target = startTargetOf({ graphFile: file, dataRoot: undefined })!;
      const dir = path.dirname(target.file);
      const stale = path.join(dir, `.${path.basename(target.file)}.1.1.tmp`);
      writeFileSync(stale, "partial");
      const longAgo = new Date(Date.now() - 2 * DEFAULT_STALE_TEMPORARY_OPTIONS.staleMs);
      utimesSync(stale, longAgo, longAgo);
      const second = await startServer({ ...QUIET, graphFile: file, startOnSnapshot: true });
      try {
        await second.context.snapshots!.idle();
        expect(second.context.snapshots!.status).toEqual({ type: "idle" });
        expect(temporaryFiles(dir)).toEqual([]);
      } finally {
        await second.close();
      }
    });
  });

  describe("a --read-only server of graph-data/", () => {
    let data: TempData;
    beforeAll(() => {
      data = makeTempData();
    });
    afterAll(() => data.remove());

    it("writes no snapshot into graph-data/ when it found none", async () => {
      const server = await startServer({ ...QUIET, dataRoot: data.root, readOnly: true });
      try {
        await server.context.snapshots!.idle();
        expect(server.context.snapshots!.status).toEqual({ type: "idle" });
        const build = path.dirname(dataFilesOf(data.root).builtGraph);
        expect(readdirSync(build).filter((name) => name.includes("snapshot"))).toEqual([]);
      } finally {
        await server.close();
      }
    });
  });

  describe("SnapshotWriter", () => {
    const temp = useTempFiles("kg-snapshot-writer-");
    let graph: KnowledgeGraph;
    beforeAll(() => {
      const file = temp.path("graph.json");
      writeGeneratedGraph(generateGraph({ nodes: 3000, edges: 15_000, seed: 4 }), file);
      graph = readAnyGraphFile(file);
    });
    const target = (name: string) => ({ file: temp.path(path.join("out", `${name}.snapshot`)), key: "k" });
    const outFiles = () => (existsSync(temp.path("out")) ? readdirSync(temp.path("out")) : []);

    it("abandons a write held back when another graph is served: no file, no temporary file", async () => {
      const served = new ServedGraph(graph);
      const held = gate();
      const writer = new SnapshotWriter(served, { gate: held.promise });
      writer.write(graph, target("held"));
      served.replace(graph.copy());
      held.open();
      await writer.idle();
      expect(writer.status).toEqual({ type: "abandoned", file: target("held").file });
      expect(outFiles()).toEqual([]);
      expect(served.recyclable(graph)).toBe(true);
    });

    it("abandons a write under way when another graph is served, removing its temporary file", async () => {
      const served = new ServedGraph(graph);
      const writer = new SnapshotWriter(served, { slices: { sliceMs: 0 } });
      writer.write(graph, target("under-way"));
      // Holds the graph it writes: a write must not recycle it meanwhile.
      expect(served.recyclable(graph)).toBe(false);
      while (outFiles().length === 0) await new Promise((resolve) => setImmediate(resolve));
      expect(temporaryFiles(temp.path("out"))).toHaveLength(1);
      served.replace(graph.copy());
      await writer.idle();
      expect(writer.status.type).toBe("abandoned");
      expect(outFiles()).toEqual([]);
    });

    it("writes nothing for a graph no longer served, and a newer write replaces one held back", async () => {
      const served = new ServedGraph(graph);
      const held = gate();
      const writer = new SnapshotWriter(served, { gate: held.promise });
      const next = graph.copy();
      writer.write(next, target("never"));
      expect(writer.status).toEqual({ type: "idle" });
      writer.write(graph, target("older"));
      writer.write(graph, target("newer"));
      held.open();
      await writer.idle();
      expect(writer.status).toMatchObject({ type: "written", file: target("newer").file });
      expect(outFiles()).toEqual(["newer.snapshot"]);
    });

    it("logs a failed write and leaves no file and no temporary file", async () => {
      const broken = graph.copy();
      const edge = broken.edges()[0];
      broken.mergeEdgeAttributes(edge, { support: 1n as unknown as number } satisfies Partial<RelationAttributes>);
      const served = new ServedGraph(broken);
      const writer = new SnapshotWriter(served);
      writer.write(broken, target("broken"));
      await writer.idle();
      expect(writer.status).toMatchObject({ type: "failed", message: expect.stringMatching(/BigInt/) });
      expect(outFiles().filter((name) => name !== "newer.snapshot")).toEqual([]);
    });
  });
});
