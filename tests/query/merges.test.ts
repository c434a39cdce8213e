/**
 * The merges answer: what GET /api/merges returns — the merges recorded in graph-data/extracted/, their kept entity,
 * the names merged away, the rule and document, whether decisions.yaml reverted them — and how bad filters are refused.
 */
import { mkdirSync } from "node:fs";
import { MultiDirectedGraph } from "graphology";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { answerMerges } from "../../src/query/merges.ts";
import { entityAttributes } from "../helpers/attributes.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";

const entity = (key: string, label: string, node: string, rule: string, aliases: string[] = []) => ({
  key,
  label,
  type: "person",
  aliases,
  mentions: [],
  entity: node,
  rule,
});

/** Two documents: the first merges "Blinken" by short form and "Kyiv" by alias, the second "Blinken" by label. */
function writeMerges(data: TempData): void {
  mkdirSync(`${data.root}/extracted`, { recursive: true });
  const file = (document: string, entities: object[]) =>
    data.write(`extracted/${document}.yaml`, stringify({ document, entities, relations: [] }));
  file("001_a", [
    entity("e1", "Blinken", "antony-blinken", "short-form", ["Blinken", "Mr Blinken"]),
    entity("e2", "Jane Okafor", "jane-okafor", "new"),
    entity("e3", "Kyiv", "ukraine", "alias"),
  ]);
  file("002_b", [entity("e1", "Antony Blinken", "antony-blinken", "label")]);
  data.write("decisions.yaml", stringify({ relations: {}, merges: { "001_a.e3": { decision: "reverted" } } }));
}

/** The graph the answer reads labels and titles from. */
function graph(): KnowledgeGraph {
  const g: KnowledgeGraph = new MultiDirectedGraph();
  g.addNode("antony-blinken", entityAttributes("Antony Blinken", "person"));
  g.setAttribute("documents", [{ id: "001_a", title: "Talks in Geneva" }]);
  return g;
}

describe("query", () => {
  describe("answerMerges", () => {
    let data: TempData;
    beforeAll(() => {
      data = makeTempData();
      writeMerges(data);
    });
    afterAll(() => data.remove());

    it("refuses a bad filter with a 400 naming the parameter", () => {
      for (const [query, param] of [
        [{ rule: "new" }, "rule"],
        [{ rule: "surname" }, "rule"],
        [{ limit: "0" }, "limit"],
        [{ offset: "-1" }, "offset"],
        [{ entity: " " }, "entity"],
        [{ sort: "id" }, "sort"],
      ] as const) {
        expect(() => answerMerges(graph(), data.root, query, "open")).toThrow(
          expect.objectContaining({ status: 400, message: expect.stringMatching(`^invalid query: .*${param}`) }),
        );
      }
    });

    it("lists every merge with its kept entity, the names merged away, its rule, document and whether it is reverted", () => {
      const answer = answerMerges(graph(), data.root, {}, "open");
      expect(answer).toMatchObject({ total: 3, offset: 0, writes: "open" });
      expect(answer.merges).toEqual([
        {
          id: "001_a.e1",
          rule: "short-form",
          entity: { id: "antony-blinken", label: "Antony Blinken" },
          merged: { label: "Blinken", aliases: ["Mr Blinken"] },
          document: { id: "001_a", title: "Talks in Geneva" },
          reverted: false,
        },
        {
          id: "001_a.e3",
          rule: "alias",
          // Not in the graph: the kept entity is named by its id.
          entity: { id: "ukraine", label: "ukraine" },
          merged: { label: "Kyiv", aliases: [] },
          document: { id: "001_a", title: "Talks in Geneva" },
          reverted: true,
        },
        {
          id: "002_b.e1",
          rule: "label",
          entity: { id: "antony-blinken", label: "Antony Blinken" },
          merged: { label: "Antony Blinken", aliases: [] },
          // A document the graph does not list is named by its id.
          document: { id: "002_b", title: "002_b" },
          reverted: false,
        },
      ]);
    });

    it("keeps the merges of one rule, or of one kept entity named by id or label", () => {
      const ids = (query: Record<string, string>) =>
        answerMerges(graph(), data.root, query, "open").merges.map((m) => m.id);
      expect(ids({ rule: "alias" })).toEqual(["001_a.e3"]);
      expect(ids({ entity: "antony-blinken" })).toEqual(["001_a.e1", "002_b.e1"]);
      expect(ids({ entity: "antony blinken", rule: "label" })).toEqual(["002_b.e1"]);
      expect(ids({ entity: "nobody" })).toEqual([]);
    });

    it("pages with limit and offset, counting every match in total", () => {
      const answer = answerMerges(graph(), data.root, { limit: "1", offset: "1" }, "off");
      expect(answer).toMatchObject({ total: 3, offset: 1, writes: "off" });
      expect(answer.merges.map((m) => m.id)).toEqual(["001_a.e3"]);
    });

    it("answers no merges for a graph served without graph-data", () => {
      expect(answerMerges(graph(), null, {}, "off")).toEqual({ total: 0, offset: 0, merges: [], writes: "off" });
    });
  });
});
