/**
 * Limits: the server binds to loopback unless told otherwise, refuses oversized bodies and headers with a clear 4xx,
 * and no query runs unbounded — a path search with an exploding search space is cut short by its time budget.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { DEFAULT_APP_OPTIONS } from "../../src/server/app.ts";
import { appFor, explodingGraph, starGraph, tinyGraph } from "./fixtures.ts";

/** A raw GET with a request line of `pathLength` characters; resolves with the status (Node's parser may answer). */
function rawGet(url: string, pathLength: number): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: hostname, port, path: `/api/search?q=${"a".repeat(pathLength)}` }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.setTimeout(5000, () => req.destroy(new Error("no answer within 5 s")));
  });
}

describe("limits", () => {
  describe("binding", () => {
    let dir: string;
    let server: RunningServer;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), "kg-sec-bind-"));
      const graphFile = path.join(dir, "graph.json");
      writeFileSync(graphFile, JSON.stringify(tinyGraph().export()));
      // No host given: whatever the default is, it is what `kg serve` uses when --host and HOST are absent.
      server = await startServer({ port: 0, graphFile, watch: false, app: { requestLogs: false } });
    });
    afterAll(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it.skipIf(process.env.HOST !== undefined)("listens on 127.0.0.1 when no host is given", () => {
      expect((server.server.address() as AddressInfo).address).toBe("127.0.0.1");
    });

    it("answers a request line too long for Node's parser with 431 and keeps serving", async () => {
      expect(await rawGet(server.url, 20_000)).toBe(431);
      expect(await rawGet(server.url, 10)).toBe(200);
    });
  });

  describe("request bodies", () => {
    const app = appFor(tinyGraph());
    const overLimit = "x".repeat(2 * 1024 * 1024 + 1);

    it("refuses a JSON body over the limit with 413 and a JSON error that names the limit", async () => {
      expect(DEFAULT_APP_OPTIONS.jsonLimit).toBe("2mb");
      const res = await request(app)
        .post("/api/documents")
        .set("Content-Type", "application/json")
        .send(JSON.stringify({ title: "t", text: overLimit }));
      expect(res.status).toBe(413);
      expect(res.body.error).toMatchObject({ code: "payload_too_large" });
      expect(res.body.error.message).toMatch(/\d+ byte limit/);
    });

    it("refuses an oversized body on a read endpoint too, before any handler runs", async () => {
      const res = await request(app).get("/api/health").set("Content-Type", "application/json").send(`"${overLimit}"`);
      expect(res.status).toBe(413);
    });

    it("refuses a body in a non-Unicode charset with 415", async () => {
      const res = await request(app)
        .post("/api/documents")
        .set("Content-Type", "application/json; charset=latin1")
        .send(Buffer.from('{"title":"caf\u00e9"}', "latin1"));
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe("unsupported_media_type");
    });

    it("refuses a deeply nested body with a 4xx, not a crash", async () => {
      const res = await request(app)
        .post("/api/documents")
        .set("Content-Type", "application/json")
        .send(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.code).toBeTypeOf("string");
    });
  });

  describe("query budgets", () => {
    it("cuts an all-paths search with an exploding search space short and says truncated: true", async () => {
      const res = await request(explodingApp).get("/api/paths").query({
        from: "s",
        to: "t",
        mode: "all",
        maxHops: 8,
        limit: 1000,
      });
      expect(res.status).toBe(200);
      expect(res.body.truncated).toBe(true);
      // Fewer paths than the limit: the search was stopped by its time budget, not by having found enough.
      expect(res.body.paths.length).toBeGreaterThanOrEqual(1);
      expect(res.body.paths.length).toBeLessThan(1000);
      expect(res.body.paths[0].nodes.map((n: { id: string }) => n.id)).toEqual(["s", "h", "t"]);
    });

    it("stops an ego graph at its node limit and says truncated: true", async () => {
      const res = await request(appFor(starGraph(3000)))
        .get("/api/nodes/hub/neighbors")
        .query({ depth: 3, limit: 100 });
      expect(res.status).toBe(200);
      expect(res.body.truncated).toBe(true);
      expect(res.body.nodes).toHaveLength(100);
    });

    it("refuses limits above the documented maximum instead of running a bigger query", async () => {
      const app = appFor(starGraph(10));
      expect((await request(app).get("/api/triples").query({ limit: 1_000_000 })).status).toBe(400);
      expect((await request(app).get("/api/search").query({ q: "a", limit: 101 })).status).toBe(400);
      expect((await request(app).get("/api/nodes/hub/neighbors").query({ depth: 4 })).status).toBe(400);
      expect((await request(app).get("/api/paths").query({ from: "hub", to: "p1", maxHops: 9 })).status).toBe(400);
    });
  });
});

const explodingApp = appFor(explodingGraph());
