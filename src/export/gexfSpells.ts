/**
 * GEXF spells: when each node and edge is present in a dynamic GEXF — one spell per day a document that states the
 * relation (or, for a node, mentions it or states one of its relations) is dated — so Gephi's timeline can play it.
 */
import { documentDates, evidenceDocuments } from "../graph/reporting.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { escapeXmlAttribute as attr } from "./xml.ts";

/** The days (`YYYY-MM-DD`, sorted, distinct) of each node and edge; nothing for an undated one. */
export interface Spells {
  node(key: string): string[];
  edge(key: string): string[];
}

/**
 * The spells of `graph`'s elements, from the graph's document dates. A node's days include its relations' days, so
 * in Gephi an edge is never shown while one of its ends is hidden.
 */
export function spellsOf(graph: KnowledgeGraph): Spells {
  const dates = documentDates(graph);
  const daysOf = (docs: Iterable<string>) => {
    const days = new Set<string>();
    for (const doc of docs) {
      const day = dates.get(doc);
      if (day !== undefined) days.add(day);
    }
    return days;
  };
  const edgeDays = (key: string) => daysOf(evidenceDocuments(graph.getEdgeAttribute(key, "evidence")));
  return {
    edge: (key) => [...edgeDays(key)].sort(),
    node: (key) => {
      const own = graph.getNodeAttribute(key, "documents");
      const days = daysOf(Array.isArray(own) ? own : []);
      graph.forEachEdge(key, (edge) => edgeDays(edge).forEach((day) => days.add(day)));
      return [...days].sort();
    },
  };
}

/** The `<spells>` element of an element present on `days` (each a one-day interval); "" when it has none. */
export function spellsElement(days: string[]): string {
  if (days.length === 0) return "";
  const spells = days.map((day) => `          <spell start="${attr(day)}" end="${attr(day)}"/>\n`).join("");
  return `        <spells>\n${spells}        </spells>\n`;
}
