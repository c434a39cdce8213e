import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { HttpError } from "../../src/query/errors.ts";
import { answerNeighbors, answerNodeDetail } from "../../src/query/nodes.ts";
import { answerPaths } from "../../src/query/paths.ts";
import { answerSearch } from "../../src/query/search.ts";
import { graphView, type ServedView } from "../../src/query/servedView.ts";
import { snapshotView } from "../../src/query/snapshotView.ts";
import { readSnapshot, writeSnapshot, type Snapshot } from "../../src/snapshot/index.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { useTempFiles } from "../helpers/tempFiles.ts";
import { sampleQueries, snapshotGraph } from "../snapshot/fixtures.ts";

const KEY = "inputs abc; graph file 1 bytes, modified 2 ns";
// A budget no run reaches: answers are cut by their limits only, so both views must give the same ones.
const NO_BUDGET = { timeBudgetMs: 600_000 };

/** The answer, or the error's status and body when it throws one (a 404 is an answer too). */
function outcome(answer: () => unknown): unknown {
  try {
    return answer();
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { status: error.status, message: error.message, details: error.details };
  }
}

describe("query", () => {
  describe("snapshotView", () => {
    const temp = useTempFiles("kg-snapshot-view-");
    let graph: KnowledgeGraph;
    let snapshot: Snapshot;
    let fromGraph: ServedView;
    let fromSnapshot: ServedView;
    let ids: string[];

    beforeAll(() => {
      graph = snapshotGraph(temp.path());
      // A few candidates and a node of another type to pass through, so that every filter changes something.
      graph.forEachEdge((edge, _a, source) => {
        if (source.endsWith("3")) graph.setEdgeAttribute(edge, "status", "candidate");
      });
      const file = temp.path("graph.snapshot");
      writeSnapshot(graph, file, { key: KEY });
      // Read without the graph's ids, as a start on the snapshot does.
      const read = readSnapshot(file, { key: KEY });
      if (read.type !== "ok") throw new Error(read.message);
      snapshot = read.snapshot;
      fromGraph = graphView(graph);
      fromSnapshot = snapshotView(snapshot);
      const random = mulberry32(17);
      ids = Array.from({ length: 120 }, () => graph.nodes()[Math.floor(random() * graph.order)]);
      ids.push("kyiv", "zelensky", "café-☕", "no-such-node");
    });
    afterAll(() => snapshot.close());

    const both = (answer: (view: ServedView) => unknown) => [
      outcome(() => answer(fromSnapshot)),
      outcome(() => answer(fromGraph)),
    ];

    it("answers path queries as the graph does, for many pairs and options", () => {
      const queries: Record<string, string>[] = [];
      for (let i = 0; i + 1 < ids.length; i += 2) {
        const [from, to] = [ids[i], ids[i + 1]];
        queries.push({ from, to }, { from, to, k: "3", directed: "true" });
      }
      queries.push(
        { from: "Kyïv", to: "Zelensky", k: "2" },
        { from: ids[0], to: ids[1], types: "person,organization", candidates: "false" },
        { from: ids[2], to: ids[3], predicates: "supports,opposes", maxHops: "4", exclude: ids[4] },
        { from: ids[5], to: ids[6], mode: "all", maxHops: "3", limit: "50" },
        { from: "Blinkn", to: ids[7] },
        { from: ids[8], to: ids[9], predicates: "no_such_predicate" },
      );
      let found = 0;
      for (const query of queries) {
        const [snapshotAnswer, graphAnswer] = both((view) => answerPaths(view, query, NO_BUDGET));
        expect(snapshotAnswer, JSON.stringify(query)).toEqual(graphAnswer);
        found += (graphAnswer as { paths?: unknown[] }).paths?.length ?? 0;
      }
      // The comparison is of real answers, not of two empty lists.
      expect(found).toBeGreaterThan(queries.length);
    });

    it("answers searches as the graph does, typos and other scripts included", () => {
      for (const q of sampleQueries(graph, 80)) {
        for (const query of [{ q }, { q, type: "person", limit: "3" }]) {
          const [snapshotAnswer, graphAnswer] = both((view) => answerSearch(view, query));
          expect(snapshotAnswer, q).toEqual(graphAnswer);
        }
      }
    });

    it("answers node details as the graph does: every attribute, the relations in one order, self-loops once", () => {
      for (const id of ids) {
        for (const query of [{}, { limit: "2" }]) {
          const [snapshotAnswer, graphAnswer] = both((view) => answerNodeDetail(view, { id }, query));
          expect(snapshotAnswer, id).toEqual(graphAnswer);
        }
      }
      const kyiv = answerNodeDetail(fromSnapshot, { id: "kyiv" }, {});
      expect(kyiv.degree).toBe(graph.degree("kyiv") - 1);
      expect(kyiv.edges.map((e) => e.key).sort()).toEqual(["k-k", "z-k"]);
      expect(kyiv.attributes).toEqual(graph.getNodeAttributes("kyiv"));
    });

    it("answers neighbour lists as the graph does", () => {
      for (const id of ids) {
        for (const query of [{}, { depth: "2", limit: "40" }]) {
          const [snapshotAnswer, graphAnswer] = both((view) => answerNeighbors(view, { id }, query));
          expect(snapshotAnswer, id).toEqual(graphAnswer);
        }
      }
    });

    it("leaves time windows and minimum support to the graph: it cannot read every relation's evidence", () => {
      expect(fromSnapshot.filtersRelations).toBe(false);
      expect(fromGraph.filtersRelations).toBe(true);
      expect(() => answerPaths(fromSnapshot, { from: ids[0], to: ids[1], minSupport: "2" })).toThrow(/on the graph/);
    });
  });
});
