/**
 * A server started on its snapshot: it answers paths, search, node detail and neighbours before its graphology graph
 * is built (the build is held by a gate the test opens), the same answers as a server that built the graph first;
 * the other routes wait for the graph; a damaged or stale snapshot is refused and written again.
 */
import { readFileSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import request from "supertest";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { generateGraph, writeGeneratedGraph } from "../../bench/graphs/generate.ts";
import { readAnyGraphFile } from "../../src/import/readAnyGraphFile.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { startTargetOf } from "../../src/query/servedSnapshot.ts";
import { startServer, type RunningServer, type ServeOptions } from "../../src/server/start.ts";
import { readSnapshot } from "../../src/snapshot/index.ts";
import { logger } from "../../src/util/logger.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";
import { body, gate, QUIET } from "./startFixture.ts";
import { sampleQueries } from "../snapshot/fixtures.ts";
import { ACME_ARTICLE, acmeExtractor } from "../ingest/fixtureExtractor.ts";

// A budget no run reaches: answers are cut by their limits only, so the two servers must give the same ones.
const NO_BUDGET = { timeBudgetMs: 600_000 };

/** A start that finds no snapshot, once it has written one in the background. */
async function startAndWrite(options: Partial<ServeOptions>): Promise<RunningServer> {
  const server = await startServer(options);
  await server.context.snapshots!.idle();
  return server;
}

describe("server", () => {
  describe("a start on the snapshot of a graph file", () => {
    const temp = useTempFiles("kg-snapshot-start-");
    let file: string;
    let graph: KnowledgeGraph;
    let eager: RunningServer;
    let lazy: RunningServer;
    const held = gate();

    beforeAll(async () => {
      file = temp.path("generated.json");
      writeGeneratedGraph(generateGraph({ nodes: 3000, edges: 15_000, seed: 21 }), file);
      graph = readAnyGraphFile(file);
      // The first start finds no snapshot, builds the graph first and writes one after listening; the second starts
      // on it.
      eager = await startAndWrite({ ...QUIET, graphFile: file, startOnSnapshot: true });
      lazy = await startServer({ ...QUIET, graphFile: file, startOnSnapshot: true, graphBuildGate: held.promise });
      eager.context.pathsAnswer = NO_BUDGET;
      lazy.context.pathsAnswer = NO_BUDGET;
    });
    afterAll(async () => {
      held.open();
      await Promise.all([eager?.close(), lazy?.close()]);
    });

    it("listens before its graph is built, and says so on /api/health", async () => {
      expect(eager.context.served.ready).toBe(true);
      expect(lazy.context.served.ready).toBe(false);
      const health = await body(lazy, "/api/health");
      expect(health).toEqual({
        status: 200,
        body: expect.objectContaining({ status: "ok", graph: "building", nodes: graph.order, edges: graph.size }),
      });
      expect((await body(eager, "/api/health")).body).toMatchObject({ graph: "ready" });
    });

    it("answers paths, search, node detail and neighbours from the snapshot as the built graph answers them", async () => {
      const random = mulberry32(5);
      const ids = Array.from({ length: 60 }, () => `n${Math.floor(random() * graph.order)}`);
      const urls: string[] = [];
      for (let i = 0; i + 1 < ids.length; i += 2) {
        urls.push(`/api/paths?from=${ids[i]}&to=${ids[i + 1]}&k=3`);
        urls.push(`/api/graph/nodes/${ids[i]}?limit=5`, `/api/nodes/${ids[i + 1]}/neighbors?depth=2&limit=30`);
      }
      urls.push(`/api/paths?from=${ids[0]}&to=${ids[1]}&mode=all&maxHops=3&limit=20`, "/api/paths?from=nobody&to=n1");
      for (const q of sampleQueries(graph, 40)) urls.push(`/api/search?q=${encodeURIComponent(q)}`);
      let answered = 0;
      for (const url of urls) {
        const fromSnapshot = await body(lazy, url);
        expect(fromSnapshot, url).toEqual(await body(eager, url));
        if (fromSnapshot.status === 200) answered++;
      }
      expect(answered).toBeGreaterThan(urls.length - 5);
      expect(lazy.context.served.ready).toBe(false);
    });

    it("has the other routes, and paths within a time window, wait for the graph, then answer them", async () => {
      let settled = 0;
      const waiting = ["/api/triples?limit=3", "/api/paths?from=n1&to=n2&minSupport=1", "/api/graph?view=draw"].map(
        (url) =>
          body(lazy, url).then((answer) => {
            settled++;
            return answer;
          }),
      );
      // A query answered from the snapshot after they were sent: they are still waiting, the gate being shut.
      expect((await body(lazy, "/api/paths?from=n1&to=n2")).status).toBe(200);
      expect(settled).toBe(0);
      held.open();
      const answers = await Promise.all(waiting);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(answers[0].body).toEqual((await body(eager, "/api/triples?limit=3")).body);
      expect(lazy.context.served.ready).toBe(true);
      expect((await body(lazy, "/api/health")).body).toMatchObject({ graph: "ready", nodes: graph.order });
      expect(lazy.context.served.graph.export()).toEqual(graph.export());
    });
  });

  describe("a start on a damaged or stale snapshot", () => {
    const temp = useTempFiles("kg-snapshot-refused-");
    afterEach(() => vi.restoreAllMocks());

    const cases: [string, (file: string, graphFile: string) => void][] = [
      ["truncated", (file) => truncateSync(file, readFileSync(file).length - 100)],
      [
        "checksum",
        (file) => {
          const bytes = readFileSync(file);
          bytes[bytes.length - 3] ^= 0xff;
          writeFileSync(file, bytes);
        },
      ],
      ["stale", (_file, graphFile) => utimesSync(graphFile, new Date(2001, 1, 1), new Date(2001, 1, 1))],
    ];
    it.each(cases)(
      "refuses a %s one, builds the graph before listening and writes it again after",
      async (reason, damage) => {
        const graphFile = temp.path(`${reason}.json`);
        writeGeneratedGraph(generateGraph({ nodes: 300, edges: 1200, seed: 9 }), graphFile);
        await (await startAndWrite({ ...QUIET, graphFile, startOnSnapshot: true })).close();
        damage(startTargetOf({ graphFile, dataRoot: undefined })!.file, graphFile);
        const logged = vi.spyOn(logger, reason === "stale" ? "info" : "warn");
        const server = await startServer({
          ...QUIET,
          graphFile,
          startOnSnapshot: true,
          graphBuildGate: new Promise(() => {}),
        });
        try {
          expect(logged).toHaveBeenCalledWith(expect.objectContaining({ reason }), expect.stringMatching(/rebuilt/));
          expect(server.context.served.ready).toBe(true);
          expect((await body(server, "/api/triples?limit=1")).status).toBe(200);
          await server.context.snapshots!.idle();
          const target = startTargetOf({ graphFile, dataRoot: undefined })!;
          const rewritten = readSnapshot(target.file, { key: target.key });
          expect(rewritten.type).toBe("ok");
          if (rewritten.type === "ok") rewritten.snapshot.close();
        } finally {
          await server.close();
        }
      },
    );
  });

  describe("a start on the snapshot of graph-data/'s build", () => {
    let data: TempData;
    beforeAll(() => {
      data = makeTempData();
    });
    afterAll(() => data.remove());

    it("serves the seed graph's paths from it, then its writes once the graph is built", async () => {
      await (await startAndWrite({ ...QUIET, dataRoot: data.root, startOnSnapshot: true })).close();
      const held = gate();
      const server = await startServer({
        ...QUIET,
        dataRoot: data.root,
        startOnSnapshot: true,
        graphBuildGate: held.promise,
        extractor: acmeExtractor,
      });
      try {
        expect(server.context.served.ready).toBe(false);
        const paths = await body(server, "/api/paths?from=Blinken&to=Podolyak");
        expect((paths.body as { paths: { text: string }[] }).paths[0].text).toMatch(
          /^Antony Blinken .* Mykhailo Podolyak$/,
        );
        const documents = body(server, "/api/documents");
        // A write sent while the graph is built waits for it, and finds the writer set up when it is let through.
        const written = request(server.url)
          .post("/api/documents")
          .send({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text, date: "2026-01-05" });
        held.open();
        expect((await documents).status).toBe(200);
        expect((await written).status).toBe(201);
        expect(server.context.writer).toBeDefined();
      } finally {
        await server.close();
      }
    });
  });
});
