/**
 * A read replica (`kg serve --read-only --snapshot FILE`): serves a snapshot written by `kg build` with no graph-data/
 * or graph file, switches to another graph's snapshot renamed over the file without a failed request, keeps the old
 * file open until the requests begun on it end, refuses a damaged replacement, and refuses to start on a bad file.
 */
import { copyFileSync, readdirSync, readFileSync, readlinkSync, renameSync, writeFileSync } from "node:fs";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateGraph, writeGeneratedGraph } from "../../bench/graphs/generate.ts";
import { buildToFile } from "../../src/graphfile/buildToFile.ts";
import { readGraphJson } from "../../src/graphfile/graphFile.ts";
import { startServer, type RunningServer, type ServeOptions } from "../../src/server/start.ts";
import type { ServedSnapshotInfo } from "../../src/server/context.ts";
import { snapshotPathOf, writeSnapshot } from "../../src/snapshot/index.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { entityAttributes, relationAttributes } from "../helpers/attributes.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";

const QUIET: Partial<ServeOptions> = {
  port: 0,
  host: "127.0.0.1",
  readOnly: true,
  pathWorkers: 0,
  app: { requestLogs: false, webRoot: "/nonexistent" },
  replica: { watch: { debounceMs: 10, pollMs: 50 } },
};
const WAIT_MS = 10_000;
/** Bytes of the snapshot's header: the attribute records start right after it. */
const HEADER_BYTES = 8192;

type Health = { graph: string; nodes: number; snapshot: ServedSnapshotInfo };

async function health(server: RunningServer): Promise<Health> {
  return (await request(server.url).get("/api/health")).body as Health;
}

/** Polls /api/health until `done` holds (the watch and the check take a few event-loop turns). */
async function until(server: RunningServer, done: (h: Health) => boolean): Promise<Health> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const h = await health(server);
    if (done(h)) return h;
    if (Date.now() > deadline) throw new Error(`replica test: /api/health never got there: ${JSON.stringify(h)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** This process's open files that are `name` renamed over since they were opened (Linux only). */
function openDeleted(name: string): number {
  const fds = readdirSync("/proc/self/fd");
  return fds.filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).endsWith(`${name} (deleted)`);
    } catch {
      return false;
    }
  }).length;
}

describe("server", () => {
  describe("a read replica", () => {
    const temp = useTempFiles("kg-replica-");
    let data: TempData;
    let file: string;
    /** The built graph's snapshot, and one of the same graph with an entity added (another graph). */
    let first: string;
    let second: string;
    let server: RunningServer;

    /** Puts `source` at the served path the way tools do: a copy beside it, then a rename over it. */
    const renameIn = (source: string) => {
      copyFileSync(source, temp.path("incoming.tmp"));
      renameSync(temp.path("incoming.tmp"), file);
    };
    const checksumOf = (snapshot: string) => {
      const header = readFileSync(snapshot).subarray(16, HEADER_BYTES).toString("utf8");
      return (/"checksum":"([0-9a-f]{40})"/.exec(header) as RegExpExecArray)[1];
    };

    beforeAll(async () => {
      data = makeTempData();
      const built = buildToFile(undefined, { root: data.root });
      first = temp.path("first.snapshot");
      copyFileSync(snapshotPathOf(built.out), first);
      const graph = readGraphJson(built.out);
      graph.addNode("zora-example", entityAttributes("Zora Example", "person", {}));
      graph.addDirectedEdgeWithKey("zora-blinken", "zora-example", "antony-blinken", relationAttributes("meets"));
      second = temp.path("second.snapshot");
      writeSnapshot(graph, second, { key: "second graph" });
      file = temp.path("graph.snapshot");
      copyFileSync(first, file);
      server = await startServer({ ...QUIET, snapshotFile: file });
    });
    afterAll(async () => {
      await server?.close();
      data?.remove();
    });

    it("serves paths, search and node detail from the snapshot alone, and says which on /api/health", async () => {
      const paths = await request(server.url).get("/api/paths?from=Blinken&to=Podolyak");
      expect(paths.status).toBe(200);
      expect(paths.body.paths[0].text).toMatch(/^Antony Blinken .* Mykhailo Podolyak$/);
      const search = await request(server.url).get("/api/search?q=blinken");
      expect(search.body.hits[0]).toMatchObject({ id: "antony-blinken", label: "Antony Blinken" });
      const detail = await request(server.url).get("/api/graph/nodes/antony-blinken");
      expect(detail.status).toBe(200);
      expect(detail.body.attributes.label).toBe("Antony Blinken");
      expect((await health(server)).snapshot).toEqual({
        file,
        key: expect.stringMatching(/^inputs /),
        checksum: checksumOf(first),
        loadedAt: expect.any(String),
      });
    });

    it("answers the other routes once its graph is built, and refuses writes as a read-only server", async () => {
      await until(server, (h) => h.graph === "ready");
      const triples = await request(server.url).get("/api/triples?limit=1");
      expect(triples.status).toBe(200);
      const write = await request(server.url).post("/api/documents").send({ text: "Zora Example met Blinken." });
      expect(write.status).toBe(403);
      expect(server.context.dataRoot).toBeNull();
    });

    it("switches to another graph's snapshot renamed over the file, with no failed request meanwhile", async () => {
      const urls = [
        "/api/paths?from=Blinken&to=Podolyak",
        "/api/search?q=zora",
        "/api/graph/nodes/antony-blinken",
        "/api/nodes/antony-blinken/neighbors",
        "/api/triples?limit=2",
        "/api/health",
      ];
      const statuses: number[] = [];
      let swapped = false;
      let after = 0;
      // A bounded loop of queries, on until a few rounds after the new graph is built.
      const loop = (async () => {
        for (let round = 0; round < 2000 && after < 5; round++) {
          const answers = await Promise.all(urls.map((url) => request(server.url).get(url)));
          statuses.push(...answers.map((a) => a.status));
          if (swapped) after++;
        }
      })();
      expect((await request(server.url).get("/api/search?q=zora")).body.hits).toEqual([]);
      renameIn(second);
      await until(server, (h) => h.snapshot.checksum === checksumOf(second) && h.graph === "ready");
      swapped = true;
      await loop;
      expect(after).toBe(5);
      expect(statuses.length).toBeGreaterThan(urls.length * 5);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect((await request(server.url).get("/api/search?q=zora")).body.hits[0]).toMatchObject({ id: "zora-example" });
      const paths = await request(server.url).get("/api/paths?from=Zora%20Example&to=Podolyak");
      expect(paths.body.paths[0].text).toMatch(/^Zora Example .* Mykhailo Podolyak$/);
      expect(server.context.served.graph.hasNode("zora-example")).toBe(true);
    });

    it.skipIf(process.platform !== "linux")(
      "keeps the old file open until the requests begun on it end, then closes it",
      async () => {
        await until(server, (h) => h.graph === "ready");
        const endReader = server.context.served.openReader();
        renameIn(first);
        await until(server, (h) => h.snapshot.checksum === checksumOf(first));
        expect(openDeleted("graph.snapshot")).toBe(1);
        endReader();
        await new Promise((resolve) => setImmediate(resolve));
        expect(openDeleted("graph.snapshot")).toBe(0);
      },
    );

    const damages: [string, (bytes: Buffer) => Buffer][] = [
      ["truncated", (bytes) => bytes.subarray(0, bytes.length - 100)],
      [
        "corrupt",
        (bytes) => {
          // A byte of the attribute records: the core's checksum does not cover them, their block hashes do.
          bytes[HEADER_BYTES + 100] ^= 0xff;
          return bytes;
        },
      ],
    ];
    it.each(damages)("refuses a %s replacement and goes on answering from the old snapshot", async (reason, damage) => {
      const before = await until(server, (h) => h.graph === "ready");
      writeFileSync(temp.path("incoming.tmp"), damage(readFileSync(second)));
      renameSync(temp.path("incoming.tmp"), file);
      const after = await until(server, (h) => h.snapshot.refused?.reason === reason);
      expect(after.snapshot.refused!.message).toContain(file);
      expect(after.snapshot.checksum).toBe(before.snapshot.checksum);
      expect(after.graph).toBe("ready");
      expect((await request(server.url).get("/api/search?q=blinken")).body.hits[0].id).toBe("antony-blinken");
      expect((await request(server.url).get("/api/triples?limit=1")).status).toBe(200);
    });
  });

  describe("a read replica's start", () => {
    const temp = useTempFiles("kg-replica-start-");

    it("is an error for a missing file", async () => {
      await expect(startServer({ ...QUIET, snapshotFile: temp.path("absent.snapshot") })).rejects.toThrow(
        /read replica: cannot serve .*absent\.snapshot: .*there is no snapshot .*npx kg build/,
      );
    });

    it("is an error for a file of another format version or no snapshot at all", async () => {
      writeGeneratedGraph(generateGraph({ nodes: 50, edges: 100, seed: 3 }), temp.path("graph.json"));
      const good = temp.path("good.snapshot");
      writeSnapshot(readGraphJson(temp.path("graph.json")), good, { key: "k" });
      const bytes = readFileSync(good);
      bytes.writeUInt32LE(99, 8);
      const other = temp.write("other.snapshot", bytes);
      await expect(startServer({ ...QUIET, snapshotFile: other })).rejects.toThrow(/format version 99/);
      const text = temp.write("text.snapshot", "not a snapshot");
      await expect(startServer({ ...QUIET, snapshotFile: text })).rejects.toThrow(/is not a snapshot/);
    });

    it("needs readOnly", async () => {
      await expect(startServer({ ...QUIET, readOnly: false, snapshotFile: temp.path("x") })).rejects.toThrow(
        /takes no writes; set readOnly/,
      );
    });
  });
});
