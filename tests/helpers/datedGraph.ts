/**
 * Test helper: a small graph whose documents have dates (one of each date source, and one undated), so time windows
 * and support can be checked against dates and counts visible in the fixture itself.
 */
import { MultiDirectedGraph } from "graphology";
import { refreshReporting } from "../../src/graph/reporting.ts";
import type { GraphDocument, KnowledgeGraph } from "../../src/model/types.ts";
import { entityAttributes, relationAttributes } from "./attributes.ts";

/** The fixture's documents: d1–d3 dated (January, February, March 2022), d4 without a date. */
export const DATED_DOCUMENTS: GraphDocument[] = [
  { id: "d1", title: "January", date: "2022-01-10", dateSource: "given" },
  { id: "d2", title: "February", date: "2022-02-15", dateSource: "metadata" },
  { id: "d3", title: "March", date: "2022-03-20", dateSource: "ingested" },
  { id: "d4", title: "Undated" },
];

/**
 * Relations `[key, source, target, evidence documents]`: a→b→c and a→d→c are two 2-hop routes from a to c; c→e is
 * stated only by the undated document.
 */
export const DATED_RELATIONS: [string, string, string, string[]][] = [
  ["ab", "a", "b", ["d1", "d2"]],
  ["bc", "b", "c", ["d3"]],
  ["ad", "a", "d", ["d1", "d3"]],
  ["dc", "d", "c", ["d1", "d2", "d3", "d1"]],
  ["ce", "c", "e", ["d4"]],
];

/** The dated graph, with support and first/last report written by the builder's own function. */
export function datedGraph(): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  graph.replaceAttributes({ name: "dated", documents: DATED_DOCUMENTS });
  for (const [key, source, target, docs] of DATED_RELATIONS) {
    for (const node of [source, target]) {
      if (!graph.hasNode(node)) graph.addNode(node, entityAttributes(node.toUpperCase(), "person", { documents: [] }));
      const documents = graph.getNodeAttribute(node, "documents");
      graph.setNodeAttribute(node, "documents", [...new Set([...documents, ...docs])]);
    }
    const evidence = docs.map((doc, i) => ({ doc, quote: `${key} in ${doc}`, start: i, end: i + 5 }));
    graph.addDirectedEdgeWithKey(key, source, target, relationAttributes("supports", { evidence }));
  }
  refreshReporting(graph);
  return graph;
}
