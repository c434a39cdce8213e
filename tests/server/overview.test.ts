/**
 * A large graph's overview over HTTP, on the seed graph with a full-drawing limit set below its size: GET
 * /api/graph?view=draw answers groups and aggregate edges, /api/graph/groups/{id} one group's members and
 * /api/graph/subgraph a few entities with their neighbours.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import type { DrawGraph } from "../../src/query/graphViews.ts";
import { GRAPH_ENDPOINT, GRAPH_GROUP_ENDPOINT, GRAPH_SUBGRAPH_ENDPOINT } from "../../src/server/api/endpoints.ts";
import { expectDocumented, expectError, serveForTest, type TestServer } from "./apiFixture.ts";

/** Relations between two communities, both directions together, counted from the graph itself. */
function relationsBetween(graph: KnowledgeGraph, a: string, b: string): number {
  let n = 0;
  graph.forEachEdge((_e, _a, source, target) => {
    const ends = [
      String(graph.getNodeAttribute(source, "community")),
      String(graph.getNodeAttribute(target, "community")),
    ];
    if ((ends[0] === a && ends[1] === b) || (ends[0] === b && ends[1] === a)) n++;
  });
  return n;
}

/** The payload's edges as "source → target" keys, with each edge's weight (null for a relation). */
function edgesOf(body: DrawGraph): Map<string, number | null> {
  const { nodes, edges } = body;
  return new Map(
    edges.key.map((_k, i) => [
      `${nodes.key[edges.source[i]]} → ${nodes.key[edges.target[i]]}`,
      edges.weight?.[i] ?? null,
    ]),
  );
}

describe("overview of a graph past the full-drawing limit", () => {
  let api: TestServer;
  let graph: KnowledgeGraph;
  let communities: Set<string>;
  beforeAll(async () => {
    graph = buildGraph().graph;
    communities = new Set(graph.mapNodes((_n, a) => String(a.community)));
    api = await serveForTest(graph, null);
    api.context.draw = { fullDrawNodes: 10, maxGroups: 100, maxGroupEdges: 1000 };
  });
  afterAll(() => api.close());

  describe("GET /api/graph?view=draw", () => {
    it("answers one group per community whose sizes add up to the graph's entities", async () => {
      const res = await request(api.server).get("/api/graph?view=draw");
      expectDocumented(res, GRAPH_ENDPOINT, 200);
      const body = res.body as DrawGraph;
      expect(body.overview).toMatchObject({ entities: graph.order, relations: graph.size, groups: communities.size });
      expect(new Set(body.nodes.group)).toEqual(communities);
      expect(body.nodes.members!.reduce((sum: number, n) => sum + n!, 0)).toBe(graph.order);
      body.nodes.group!.forEach((id, i) => {
        const members = graph.filterNodes((_n, a) => String(a.community) === id);
        expect(body.nodes.members![i], `group ${id}`).toBe(members.length);
      });
    });

    it("joins two groups by one edge weighted by the relations between their members, both directions", async () => {
      const body = (await request(api.server).get("/api/graph?view=draw")).body as DrawGraph;
      const { nodes, edges } = body;
      expect(edges.key.length).toBeGreaterThan(0);
      const pairs = new Set<string>();
      edges.key.forEach((_key, i) => {
        const [a, b] = [nodes.group![edges.source[i]]!, nodes.group![edges.target[i]]!];
        expect(a).not.toBe(b);
        pairs.add([a, b].sort().join("|"));
        expect(edges.weight![i], `${a}–${b}`).toBe(relationsBetween(graph, a, b));
      });
      expect(pairs.size).toBe(edges.key.length);
      const joined = [...communities].flatMap((a) =>
        [...communities].filter((b) => a < b && relationsBetween(graph, a, b) > 0).map((b) => `${a}|${b}`),
      );
      expect([...pairs].sort()).toEqual(joined.sort());
    });

    it("merges the smallest communities into one group past maxGroups, still counting every entity", async () => {
      api.context.draw = { fullDrawNodes: 10, maxGroups: 3 };
      try {
        const body = (await request(api.server).get("/api/graph?view=draw")).body as DrawGraph;
        expect(body.nodes.group).toHaveLength(3);
        expect(body.nodes.group).toContain("other");
        expect(body.nodes.members!.reduce((sum: number, n) => sum + n!, 0)).toBe(graph.order);
      } finally {
        api.context.draw = { fullDrawNodes: 10, maxGroups: 100, maxGroupEdges: 1000 };
      }
    });

    it("draws the whole graph, without an overview, when it is within the limit", async () => {
      api.context.draw = {};
      try {
        const body = (await request(api.server).get("/api/graph?view=draw")).body as DrawGraph;
        expect(body.overview).toBeUndefined();
        expect(body.nodes.key).toHaveLength(graph.order);
        expect(body.edges.key).toHaveLength(graph.size);
      } finally {
        api.context.draw = { fullDrawNodes: 10, maxGroups: 100, maxGroupEdges: 1000 };
      }
    });
  });

  describe("GET /api/graph/groups/{id}", () => {
    it("answers a group's members, the relations among them and an aggregate edge to each other group", async () => {
      const id = String(graph.getNodeAttribute(graph.nodes()[0], "community"));
      const res = await request(api.server).get(`/api/graph/groups/${id}`);
      expectDocumented(res, GRAPH_GROUP_ENDPOINT, 200);
      const body = res.body as DrawGraph;
      const members = graph.filterNodes((_n, a) => String(a.community) === id);
      const entities = body.nodes.key.filter((_k, i) => body.nodes.group![i] === null);
      expect(new Set(entities)).toEqual(new Set(members));
      const drawn = edgesOf(body);
      const inside = graph.filterEdges((_e, _a, s, t) => members.includes(s) && members.includes(t));
      expect(body.edges.key.filter((_k, i) => body.edges.weight![i] === null).sort()).toEqual(inside.sort());
      // Each member's relations to another group add up to the weight of its one edge to that group.
      for (const member of members) {
        const counts = new Map<string, number>();
        graph.forEachEdge(member, (_e, _a, s, t) => {
          const other = s === member ? t : s;
          const g = String(graph.getNodeAttribute(other, "community"));
          if (g !== id) counts.set(g, (counts.get(g) ?? 0) + 1);
        });
        for (const [g, n] of counts) expect(drawn.get(`${member} → group:${g}`), `${member} → ${g}`).toBe(n);
      }
    });

    it("draws relations to an expanded group's members as relations, not as an aggregate", async () => {
      const [a, b] = [...communities].filter((x) => x !== "0").slice(0, 2);
      const between = relationsBetween(graph, a, b);
      expect(between).toBeGreaterThan(0);
      const body = (await request(api.server).get(`/api/graph/groups/${a}?expanded=${b}`)).body as DrawGraph;
      const relations = body.edges.key.filter((_k, i) => body.edges.weight![i] === null);
      const expected = graph.filterEdges(
        (_e, _a, s, t) =>
          [a, b].includes(String(graph.getNodeAttribute(s, "community"))) &&
          [a, b].includes(String(graph.getNodeAttribute(t, "community"))) &&
          (String(graph.getNodeAttribute(s, "community")) === a ||
            String(graph.getNodeAttribute(t, "community")) === a),
      );
      expect(relations.sort()).toEqual(expected.sort());
      expect(body.nodes.key).not.toContain(`group:${b}`);
    });

    it("keeps to the `limit` best-connected members", async () => {
      const id = String(graph.getNodeAttribute(graph.nodes()[0], "community"));
      const body = (await request(api.server).get(`/api/graph/groups/${id}?limit=2`)).body as DrawGraph;
      const entities = body.nodes.key.filter((_k, i) => body.nodes.group![i] === null);
      const members = graph.filterNodes((_n, a) => String(a.community) === id);
      const degrees = members.map((m) => graph.degree(m)).sort((x, y) => y - x);
      expect(entities).toHaveLength(2);
      expect(entities.map((m) => graph.degree(m))).toEqual(degrees.slice(0, 2));
    });

    it("refuses an unknown group with a 404 and a bad limit with a 400", async () => {
      expectError(
        await request(api.server).get("/api/graph/groups/nope"),
        404,
        "not_found",
        /no overview group "nope"/,
      );
      expectError(await request(api.server).get("/api/graph/groups/0?limit=0"), 400, "bad_request", /limit/);
    });
  });

  describe("GET /api/graph/subgraph", () => {
    it("answers the entities, their best-connected neighbours and the relations among them", async () => {
      const hub = graph.nodes().sort((x, y) => graph.degree(y) - graph.degree(x))[0];
      const res = await request(api.server).get(`/api/graph/subgraph?nodes=${hub}&neighbors=3`);
      expectDocumented(res, GRAPH_SUBGRAPH_ENDPOINT, 200);
      const body = res.body as DrawGraph;
      expect(body.nodes.key[0]).toBe(hub);
      expect(body.nodes.key).toHaveLength(4);
      for (const other of body.nodes.key.slice(1)) expect(graph.areNeighbors(hub, other)).toBe(true);
      const drawn = new Set(body.nodes.key);
      const among = graph.filterEdges((_e, _a, s, t) => drawn.has(s) && drawn.has(t));
      expect([...body.edges.key].sort()).toEqual(among.sort());
    });

    it("refuses an unknown entity with a 404 naming it", async () => {
      expectError(
        await request(api.server).get("/api/graph/subgraph?nodes=nobody-here"),
        404,
        "not_found",
        /no entity has the key "nobody-here"/,
      );
    });
  });
});
