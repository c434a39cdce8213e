/**
 * Path worker fixtures: a layered graph whose heavy path queries have many long answers, and the queries asked of it.
 */
import { MultiDirectedGraph } from "graphology";
import type { KnowledgeGraph } from "../../../src/model/types.ts";
import { entityAttributes, relationAttributes } from "../../helpers/attributes.ts";

/** A heavy query of the layered graph: every path from s to t (more than the limit exist). */
export const HEAVY_QUERY = { from: "s", to: "t", mode: "all", maxHops: "8", limit: "1000" };
/** The same as a URL of the API. */
export const HEAVY_URL = "/api/paths?from=s&to=t&mode=all&maxHops=8&limit=1000";

/**
 * `s`, two layers of `width` entities and `t`, each layer tied to every entity of the next: width² paths of three
 * hops, each relation quoting a sentence of its own, so that a thousand of them make an answer past the size cap.
 */
export function layeredGraph(width = 40): KnowledgeGraph {
  const graph = new MultiDirectedGraph() as KnowledgeGraph;
  for (const id of ["s", "t"]) graph.addNode(id, entityAttributes(id.toUpperCase(), "person"));
  for (let i = 0; i < width; i++) {
    graph.addNode(`a${i}`, entityAttributes(`Alpha ${i}`, "organization"));
    graph.addNode(`b${i}`, entityAttributes(`Beta ${i}`, "country"));
  }
  const relate = (source: string, target: string, confidence: number) => {
    const quote = `${source} said it would keep working with ${target} on the matters both had raised last year.`;
    graph.addEdgeWithKey(
      `${source}-${target}`,
      source,
      target,
      relationAttributes("negotiates_with", {
        confidence,
        evidence: [{ doc: "d", quote, start: 0, end: quote.length }],
      }),
    );
  };
  for (let i = 0; i < width; i++) {
    relate("s", `a${i}`, 0.5 + (i % 5) / 10);
    relate(`b${i}`, "t", 0.6 + (i % 3) / 10);
    for (let j = 0; j < width; j++) relate(`a${i}`, `b${j}`, 0.5 + ((i + j) % 4) / 10);
  }
  return graph;
}
