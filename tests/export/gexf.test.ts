import { describe, expect, it } from "vitest";
import Graph from "graphology";
import { parse, write } from "graphology-gexf";
import type { Attributes } from "graphology-types";
import { gexfToString, writeGexf } from "../../src/export/gexf.ts";
import { withEvidenceColumns } from "../../src/export/values.ts";
import { readGexf } from "../../src/import/gexf.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { seedGraph, trickyGraph, TRICKY } from "./fixtures.ts";
import { validateGexf, validationUnavailable } from "./gexfKit.ts";

const NO_VALIDATION = validationUnavailable();
const DATE = new Date("2026-03-04T12:00:00Z");

function expectSameGraph(actual: KnowledgeGraph, expected: KnowledgeGraph) {
  const a = actual.export();
  const e = expected.export();
  expect(a.nodes).toEqual(e.nodes);
  expect(a.edges).toEqual(e.edges);
}

describe("export", () => {
  describe("writeGexf", () => {
    it.skipIf(NO_VALIDATION)(`writes the seed graph as GEXF 1.3 valid against the official schema`, async () => {
      const { valid, output } = validateGexf(await gexfToString(seedGraph(), { lastModified: DATE }));
      expect(output).toContain("valid (GEXF 1.3");
      expect(valid).toBe(true);
    });
    if (NO_VALIDATION) it(`skips schema validation: ${NO_VALIDATION}`, (ctx) => ctx.skip());

    it("re-imports the seed graph with the same nodes, edges and attribute values", async () => {
      const graph = seedGraph();
      expectSameGraph(readGexf(await gexfToString(graph), "seed.gexf"), graph);
    });

    it("writes meta (creator, description, source documents, date) and styling Gephi reads", async () => {
      const text = await gexfToString(seedGraph(), { lastModified: DATE });
      expect(text).toContain('<meta lastmodifieddate="2026-03-04">');
      expect(text).toContain("<creator>evidence-graph</creator>");
      expect(text).toMatch(/<keywords>[^<]+<\/keywords>/);
      expect(text).toMatch(/<viz:color r="\d+" g="\d+" b="\d+"\/>/);
      expect(text).not.toContain("hex=");
      expect(text).toContain('<attribute id="aliases" title="aliases" type="liststring"/>');
      expect(text).toContain('<attribute id="community" title="community" type="integer"/>');
      expect(text).toContain('<attribute id="wikidata" title="wikidata" type="string"/>');
      expect(text).toMatch(/<edge id="[^"]+" source="[^"]+" target="[^"]+" weight="[\d.]+" kind="[a-z_]+" label="/);
    });

    it("parses to the same graph as graphology-gexf's writer, except that list items with commas stay whole", async () => {
      const graph = seedGraph();
      const reference = write(graph, {
        version: "1.3",
        pedantic: true,
        formatNode: (_key, { label, x, y, size, color, ...rest }) => ({
          label,
          viz: { x, y, size, color: rgb(color) },
          attributes: rest,
        }),
        formatEdge: (_key, attributes) => {
          const { label, evidence, qualifiers, ...rest } = withEvidenceColumns(attributes);
          const json = {
            evidence: JSON.stringify(evidence),
            ...(qualifiers ? { qualifiers: JSON.stringify(qualifiers) } : {}),
          };
          return { label, weight: attributes.confidence, kind: attributes.predicate, attributes: { ...rest, ...json } };
        },
      });
      const ours = parse(Graph, await gexfToString(graph));
      const theirs = parse(Graph, reference);
      // graphology-gexf writes list items unquoted, so its parser splits an item at each comma.
      const splitLists = (a: Attributes) =>
        Object.fromEntries(
          Object.entries(a).map(([k, v]) => [k, Array.isArray(v) ? v.flatMap((i) => String(i).split(/,\s*/)) : v]),
        );
      ours.updateEachEdgeAttributes((_e, a) => splitLists(a));
      expect(ours.export().nodes).toEqual(theirs.export().nodes);
      expect(ours.export().edges).toEqual(theirs.export().edges);
      const commaQuote = graph.findEdge((_e, a) => a.evidence.some((e) => e.quote.includes(", ")));
      expect(readGexf(await gexfToString(graph), "seed.gexf").getEdgeAttributes(commaQuote!)).toEqual(
        graph.getEdgeAttributes(commaQuote!),
      );
    });

    it("escapes & < > \" ' and keeps emoji and right-to-left text, exactly, in a valid file", async () => {
      const graph = trickyGraph();
      const text = await gexfToString(graph, { lastModified: DATE });
      expect(text).toContain("&amp;");
      expect(text).not.toMatch(/="[^"]*<[^"]*"/);
      expectSameGraph(readGexf(text, "tricky.gexf"), graph);
      expect(readGexf(text, "tricky.gexf").getNodeAttribute("n2 🙂", "aliases")).toContain(TRICKY);
      if (!NO_VALIDATION) expect(validateGexf(text).valid).toBe(true);
    });

    it("keeps parallel edges between the same pair apart, each with its own id", async () => {
      const back = readGexf(await gexfToString(trickyGraph()), "tricky.gexf");
      expect(back.edges(`n&<1>"'`, "n2 🙂").sort()).toEqual(["e&1", "e<2>"]);
    });

    it("drops the control characters XML 1.0 forbids and keeps the rest of the text", async () => {
      const graph = trickyGraph();
      graph.setNodeAttribute("n2 🙂", "label", "bell\u0007 nul\u0000 lone\ud800 end");
      const text = await gexfToString(graph);
      expect(readGexf(text, "controls.gexf").getNodeAttribute("n2 🙂", "label")).toBe("bell nul lone end");
      if (!NO_VALIDATION) expect(validateGexf(text).valid).toBe(true);
    });

    it("streams a large graph in chunks and lets other work run between them", async () => {
      const graph = trickyGraph();
      for (let i = 0; i < 3000; i++)
        graph.addNode(`extra-${i}`, { ...graph.getNodeAttributes("n2 🙂"), label: `n${i}` });
      let ticks = 0;
      const timer = setInterval(() => ticks++, 0);
      let chunks = 0;
      let ticksDuringExport = 0;
      for await (const chunk of writeGexf(graph, { chunkSize: 16 * 1024, yieldEvery: 200 })) {
        expect(chunk.length).toBeGreaterThan(0);
        chunks++;
        ticksDuringExport = ticks;
      }
      clearInterval(timer);
      expect(chunks).toBeGreaterThan(10);
      expect(ticksDuringExport).toBeGreaterThan(0);
    });

    it("writes an empty graph with the <nodes> and <edges> GEXF 1.3 requires", async () => {
      const text = await gexfToString(new Graph() as unknown as KnowledgeGraph);
      expect(text).toContain("<nodes>");
      expect(text).toContain("<edges>");
      if (!NO_VALIDATION) expect(validateGexf(text).valid).toBe(true);
    });
  });
});

function rgb(color: Attributes[string]): string {
  const hex = String(color).slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r},${g},${b})`;
}
