/**
 * The paths answer: what GET /api/paths, its hot route and `kg path` all return or throw.
 */
import { describe, expect, it } from "vitest";
import { errorAnswer, HttpError } from "../../src/query/errors.ts";
import { answerPaths } from "../../src/query/paths.ts";
import { graphOf } from "../paths/fixtures.ts";
import { graphView } from "../../src/query/servedView.ts";

const GRAPH = graphOf([
  ["alice", "supports", "bob"],
  ["bob", "opposes", "carol"],
]);

/** The HttpError `answerPaths` throws for `query`. */
function failure(query: Record<string, string>): HttpError {
  try {
    answerPaths(graphView(GRAPH), query);
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error(`answerPaths answered ${JSON.stringify(query)}`);
}

describe("query", () => {
  describe("answerPaths", () => {
    it("refuses a query that does not parse with a 400 naming the parameter", () => {
      const error = failure({ from: "alice", to: "carol", k: "0" });
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/^invalid query: k:/);
    });

    it("refuses an unknown predicate with a 400 listing the predicates the graph uses", () => {
      const { status, body } = errorAnswer(
        failure({ from: "alice", to: "carol", predicates: "nonsense" }),
        "/api/paths",
      );
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: "bad_request", param: "predicates", unknown: ["nonsense"] });
      expect(body.error.known).toEqual(["opposes", "supports"]);
    });

    it("answers 404 for an unknown entity", () => {
      expect(failure({ from: "alice", to: "dave" }).status).toBe(404);
    });

    it("answers both ends and the paths between them", () => {
      const answer = answerPaths(graphView(GRAPH), { from: "alice", to: "carol" });
      expect(answer.from).toMatchObject({ id: "alice" });
      expect(answer.to).toMatchObject({ id: "carol" });
      expect(answer.paths.map((p) => p.nodes.map((n) => n.id))).toEqual([["alice", "bob", "carol"]]);
      expect(answer.truncated).toBe(false);
    });

    it("drops the paths past maxAnswerChars and says the answer is truncated", () => {
      const answer = answerPaths(graphView(GRAPH), { from: "alice", to: "carol" }, { maxAnswerChars: 10 });
      expect(answer.paths).toEqual([]);
      expect(answer.truncated).toBe(true);
    });
  });
});
