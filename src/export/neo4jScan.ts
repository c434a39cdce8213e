/**
 * Neo4j scan: one pass over a graph to declare the bundle's properties, documents and relationship types.
 */
import type { Attributes } from "graphology-types";
import type { KnowledgeGraph } from "../model/types.ts";
import { ColumnCollector, EDGE_COLUMN_SEED, NODE_COLUMN_SEED } from "./columns.ts";
import { edgeRelationshipType, NEO4J_ARRAY_DELIMITER, neo4jProperties, type Neo4jProperty } from "./neo4jColumns.ts";
import { yieldToEventLoop } from "../util/yieldToEventLoop.ts";

/** Names the bundle's own node fields take (`id:ID(Entity)`). */
export const NODE_RESERVED = ["id"];
/** Names the bundle's own relationship fields take: the edge key and the evidence arrays. */
export const EDGE_RESERVED = [
  "key",
  "evidenceDocuments",
  "evidenceQuotes",
  "evidenceStarts",
  "evidenceEnds",
  "evidenceJson",
];

/** What the bundle's files are declared from. */
export interface Neo4jScan {
  nodeProperties: Neo4jProperty[];
  edgeProperties: Neo4jProperty[];
  /** True when some edge's evidence cannot be written as the four arrays and goes to `evidenceJson` instead. */
  evidenceJson: boolean;
  /** Every document named by the graph's attributes, the entities or the evidence, with its title when known. */
  documents: Map<string, string | null>;
  /** Relationship types in first-seen order. */
  relationshipTypes: string[];
}

// Edge attributes the scan leaves to the evidence arrays; quotes/evidenceDocuments are GEXF-only derived columns.
const EDGE_SEED = EDGE_COLUMN_SEED.filter(([key]) => key !== "quotes" && key !== "evidenceDocuments");

/** Scans `graph`, yielding to the event loop every `yieldEvery` elements. */
export async function scanForNeo4j(graph: KnowledgeGraph, yieldEvery: number): Promise<Neo4jScan> {
  const nodes = new ColumnCollector(NODE_COLUMN_SEED);
  const edges = new ColumnCollector(EDGE_SEED, ["evidence"]);
  const nodeJson = new Set<string>();
  const edgeJson = new Set<string>();
  const documents = new Map<string, string | null>();
  const types = new Set<string>();
  let evidenceJson = false;
  for (const doc of graphDocuments(graph)) documents.set(doc.id, doc.title);
  let count = 0;
  for (const { attributes } of graph.nodeEntries()) {
    nodes.observe(attributes);
    markDelimitedLists(attributes, nodeJson);
    for (const doc of stringList(attributes.documents)) if (!documents.has(doc)) documents.set(doc, null);
    if (++count % yieldEvery === 0) await yieldToEventLoop();
  }
  for (const { attributes } of graph.edgeEntries()) {
    edges.observe(attributes);
    markDelimitedLists(attributes, edgeJson);
    types.add(edgeRelationshipType(attributes));
    if (!evidenceFitsArrays(attributes.evidence)) evidenceJson = true;
    if (Array.isArray(attributes.evidence))
      for (const item of attributes.evidence)
        if (typeof item?.doc === "string" && !documents.has(item.doc)) documents.set(item.doc, null);
    if (++count % yieldEvery === 0) await yieldToEventLoop();
  }
  return {
    nodeProperties: neo4jProperties(nodes.columns(), NODE_RESERVED, nodeJson),
    edgeProperties: neo4jProperties(edges.columns(), EDGE_RESERVED, edgeJson),
    evidenceJson,
    documents,
    relationshipTypes: [...types],
  };
}

/**
 * True when `evidence` is a list of `{ doc, quote, start, end }` that the four evidence arrays give back exactly:
 * text without the array delimiter and whole-number offsets. (Empty quotes would vanish from an array cell.)
 */
export function evidenceFitsArrays(evidence: unknown): boolean {
  if (evidence === undefined) return true;
  if (!Array.isArray(evidence)) return false;
  return evidence.every(
    (e) =>
      e !== null &&
      typeof e === "object" &&
      Object.keys(e).length === 4 &&
      typeof e.doc === "string" &&
      typeof e.quote === "string" &&
      e.doc !== "" &&
      e.quote !== "" &&
      !e.doc.includes(NEO4J_ARRAY_DELIMITER) &&
      !e.quote.includes(NEO4J_ARRAY_DELIMITER) &&
      Number.isSafeInteger(e.start) &&
      Number.isSafeInteger(e.end),
  );
}

/** The graph attribute `documents` (`[{ id, title }]`), keeping only well-formed entries. */
export function graphDocuments(graph: KnowledgeGraph): { id: string; title: string | null }[] {
  const documents = graph.getAttribute("documents");
  if (!Array.isArray(documents)) return [];
  return documents
    .filter((d) => typeof d?.id === "string")
    .map((d) => ({ id: d.id, title: typeof d.title === "string" ? d.title : null }));
}

// An array cell cannot hold an item containing the delimiter, nor an empty item (it reads back as no item).
function markDelimitedLists(attributes: Attributes, json: Set<string>): void {
  for (const key in attributes) {
    const value = attributes[key];
    if (
      Array.isArray(value) &&
      value.some((v) => typeof v === "string" && (v === "" || v.includes(NEO4J_ARRAY_DELIMITER)))
    )
      json.add(key);
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
