import { afterEach, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { diffEvents, graphEvents, type GephiEvent } from "../../src/export/gephiEvents.ts";
import { followInGephi, GephiPusher } from "../../src/export/gephiStream.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { kg } from "../helpers/kg.ts";
import { serveForTest } from "../server/apiFixture.ts";
import { seedGraph, trickyGraph } from "./fixtures.ts";

const OPERATIONS = ["an", "cn", "dn", "ae", "ce", "de"];

/** A stand-in for Gephi's streaming master on 127.0.0.1 that records every event it is posted. */
async function recorder(failFirst = 0) {
  const events: GephiEvent[] = [];
  const posts: number[] = [];
  let failures = failFirst;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (failures-- > 0) {
        res.writeHead(500).end();
        return;
      }
      const lines = body.split("\r\n").filter(Boolean);
      posts.push(lines.length);
      for (const line of lines) events.push(JSON.parse(line));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/workspace1?operation=updateGraph`;
  return { url, events, posts, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Checks one event against the plugin's protocol: one operation, one element, edges with their ends. */
function expectProtocol(event: GephiEvent): void {
  const ops = Object.keys(event);
  expect(ops).toHaveLength(1);
  expect(OPERATIONS).toContain(ops[0]);
  const elements = Object.values(event[ops[0] as keyof GephiEvent]!);
  expect(elements).toHaveLength(1);
  if (ops[0] === "ae" || ops[0] === "ce") expect(elements[0]).toMatchObject({ source: expect.any(String) });
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe("export", () => {
  describe("graphEvents", () => {
    it("adds every node with label, colour, size and position, then every edge with its ends", () => {
      const graph = seedGraph();
      const events = [...graphEvents(graph)];
      events.forEach(expectProtocol);
      expect(events.filter((e) => e.an)).toHaveLength(graph.order);
      expect(events.filter((e) => e.ae)).toHaveLength(graph.size);
      const [node] = Object.values(events[0].an!);
      expect(node).toMatchObject({ label: expect.any(String), size: expect.any(Number), x: expect.any(Number) });
      expect(node.r).toBeGreaterThanOrEqual(0);
      expect(node.r).toBeLessThanOrEqual(1);
      const [edge] = Object.values(events[graph.order].ae!);
      expect(edge).toMatchObject({ directed: true, weight: expect.any(Number), evidence: expect.any(String) });
    });
  });

  describe("diffEvents", () => {
    it("deletes, adds and changes only what differs", () => {
      const before = trickyGraph();
      const after = before.copy() as KnowledgeGraph;
      after.dropEdge("e<2>");
      after.mergeNodeAttributes("n2 🙂", { label: "renamed" });
      after.addNode("new", { ...after.getNodeAttributes("n2 🙂") });
      after.addDirectedEdgeWithKey("e3", "new", "n2 🙂", { ...after.getEdgeAttributes("e&1") });
      const events = [...diffEvents(before, after)];
      expect(events.map((e) => `${Object.keys(e)[0]} ${Object.keys(Object.values(e)[0]!)[0]}`)).toEqual([
        "de e<2>",
        "cn n2 🙂",
        "an new",
        "ae e3",
      ]);
    });
  });

  describe("GephiPusher", () => {
    it("sends in batches and retries a refused batch, so every event arrives once and in order", async () => {
      const gephi = await recorder(2);
      closers.push(gephi.close);
      const pusher = new GephiPusher(gephi.url, { batchSize: 10, retryDelayMs: 5 });
      const graph = seedGraph();
      pusher.enqueue(graphEvents(graph));
      await pusher.flush();
      expect(pusher.status).toEqual({ type: "idle" });
      expect(gephi.events).toEqual([...graphEvents(graph)]);
      expect(Math.max(...gephi.posts)).toBeLessThanOrEqual(10);
    });

    it("gives up on a batch after its attempts without throwing, and says so in its status", async () => {
      const gephi = await recorder(100);
      closers.push(gephi.close);
      const pusher = new GephiPusher(gephi.url, { attempts: 2, retryDelayMs: 1 });
      pusher.enqueue(graphEvents(trickyGraph()));
      await pusher.flush();
      expect(pusher.status).toMatchObject({ type: "error", droppedEvents: 4 });
      expect((pusher.status as { message: string }).message).toMatch(/is Gephi's streaming master running there\?/);
    });
  });

  describe("followInGephi", () => {
    it("sends the served graph, then the difference each time the store changes", async () => {
      const gephi = await recorder();
      closers.push(gephi.close);
      const store = new ServedGraph(trickyGraph());
      const pusher = new GephiPusher(gephi.url);
      const stop = followInGephi(store, pusher);
      const next = store.graph.copy() as KnowledgeGraph;
      next.mergeEdgeAttributes("e&1", { status: "candidate" });
      store.replace(next);
      stop();
      await pusher.flush();
      gephi.events.forEach(expectProtocol);
      expect(gephi.events.map((e) => Object.keys(e)[0])).toEqual(["an", "an", "ae", "ae", "ce"]);
      expect(gephi.events[4].ce!["e&1"]).toMatchObject({ status: "candidate" });
    });
  });
});

describe("kg stream", () => {
  it("pushes a served graph to Gephi over HTTP with --server --once", async () => {
    const gephi = await recorder();
    closers.push(gephi.close);
    const graph = seedGraph();
    const served = await serveForTest(graph, null);
    closers.push(served.close);
    const server = `http://127.0.0.1:${(served.server.address() as AddressInfo).port}`;
    const { code, out } = await kg("stream", "--gephi", gephi.url, "--server", server, "--once");
    expect(code).toBe(0);
    expect(out).toMatch(/streaming \d+ nodes, \d+ edges from/);
    expect(gephi.events.filter((e) => e.an)).toHaveLength(graph.order);
    expect(gephi.events.filter((e) => e.ae)).toHaveLength(graph.size);
  });

  it("exits 2 naming the flag when --gephi is not an http URL", async () => {
    const { code, err } = await kg("stream", "--gephi", "ftp://x");
    expect(code).toBe(2);
    expect(err).toMatch(/--gephi must be an http\(s\) URL/);
  });
});
