/**
 * Neo4j bundle: the CSV files of `neo4j-admin database import full` (entities, documents, relations and the links
 * between them), with a README, schema.cypher, import.cypher and a manifest, as entries of a zip or a folder.
 *
 * Entities are `:Entity` nodes labelled by type as well (`:Entity:Person`); each relation is a relationship whose type
 * is its predicate in UPPER_SNAKE, carrying its attributes and its evidence as four parallel arrays (documents,
 * quotes, start and end offsets in UTF-16 code units — Java string indices, the unit Neo4j's own strings use).
 * Documents are `:Document` nodes: `(:Document)-[:MENTIONS]->(:Entity)` for each entity's documents and
 * `(:Entity)-[:EVIDENCED_BY {relation, quote, start, end}]->(:Document)` from a relation's subject for each quote.
 */
import type { Attributes } from "graphology-types";
import type { Evidence, KnowledgeGraph } from "../model/types.ts";
import { isEmptyValue } from "./columns.ts";
import {
  edgeRelationshipType,
  NEO4J_ARRAY_DELIMITER as DELIMITER,
  nodeLabel,
  type Neo4jProperty,
} from "./neo4jColumns.ts";
import { importCypher, neo4jManifest, neo4jReadme, schemaCypher } from "./neo4jFiles.ts";
import {
  DOCUMENT_HEADER,
  DOCUMENT_LABEL,
  ENTITY_LABEL,
  entityHeader,
  EVIDENCED_BY_HEADER,
  MENTIONS_HEADER,
  NEO4J_FILES,
  relationHeader,
} from "./neo4jHeaders.ts";
import { evidenceFitsArrays, scanForNeo4j, type Neo4jScan } from "./neo4jScan.ts";
import type { ZipEntry } from "./zip.ts";
import { yieldToEventLoop } from "../util/yieldToEventLoop.ts";

/** Tunables of {@link neo4jBundle}. */
export interface Neo4jOptions {
  /** Characters buffered before a chunk is yielded. */
  chunkSize: number;
  /** Elements written between two yields to the event loop. */
  yieldEvery: number;
}

export const DEFAULT_NEO4J_OPTIONS: Neo4jOptions = { chunkSize: 64 * 1024, yieldEvery: 500 };

/**
 * The bundle's files as zip entries; nothing is read until they are iterated (in order). The graph is scanned once,
 * when the first entry is read, to declare every file's columns.
 */
export function neo4jBundle(graph: KnowledgeGraph, options: Partial<Neo4jOptions> = {}): ZipEntry[] {
  const opts = { ...DEFAULT_NEO4J_OPTIONS, ...options };
  let scanning: Promise<Neo4jScan> | null = null;
  const scan = () => (scanning ??= scanForNeo4j(graph, opts.yieldEvery));
  const whole = async function* (make: (s: Neo4jScan) => string) {
    yield make(await scan());
  };
  const rows = async function* (write: (s: Neo4jScan) => Iterable<string>) {
    let buffer = "";
    let count = 0;
    for (const row of write(await scan())) {
      buffer += row;
      if (buffer.length >= opts.chunkSize) {
        yield buffer;
        buffer = "";
      }
      if (++count % opts.yieldEvery === 0) await yieldToEventLoop();
    }
    yield buffer;
  };
  return [
    { name: NEO4J_FILES.readme, chunks: whole((s) => neo4jReadme(graph, s)) },
    { name: NEO4J_FILES.schema, chunks: whole(schemaCypher) },
    { name: NEO4J_FILES.importCypher, chunks: whole(importCypher) },
    { name: NEO4J_FILES.manifest, chunks: whole((s) => neo4jManifest(graph, s)) },
    { name: NEO4J_FILES.entities, chunks: rows((s) => entityRows(graph, s)) },
    { name: NEO4J_FILES.documents, chunks: rows(documentRows) },
    { name: NEO4J_FILES.relations, chunks: rows((s) => relationRows(graph, s)) },
    { name: NEO4J_FILES.mentions, chunks: rows(() => mentionRows(graph)) },
    { name: NEO4J_FILES.evidencedBy, chunks: rows(() => evidenceRows(graph)) },
  ];
}

function* entityRows(graph: KnowledgeGraph, scan: Neo4jScan): Generator<string> {
  yield header(entityHeader(scan));
  for (const { node, attributes } of graph.nodeEntries()) {
    const labels = [ENTITY_LABEL, ...(typeof attributes.type === "string" ? [nodeLabel(attributes.type)] : [])];
    yield line([text(node), text(labels.join(DELIMITER)), ...scan.nodeProperties.map((p) => cell(p, attributes))]);
  }
}

function* documentRows(scan: Neo4jScan): Generator<string> {
  yield header(DOCUMENT_HEADER);
  for (const [id, title] of scan.documents) yield line([text(id), text(DOCUMENT_LABEL), title ? text(title) : ""]);
}

function* relationRows(graph: KnowledgeGraph, scan: Neo4jScan): Generator<string> {
  yield header(relationHeader(scan));
  for (const { edge, source, target, attributes } of graph.edgeEntries()) {
    const evidence: Evidence[] = Array.isArray(attributes.evidence) ? attributes.evidence : [];
    const type = edgeRelationshipType(attributes);
    const fits = !scan.evidenceJson || evidenceFitsArrays(attributes.evidence);
    yield line([
      text(source),
      text(target),
      text(type),
      text(edge),
      ...scan.edgeProperties.map((p) => cell(p, attributes)),
      ...evidenceArrays(fits ? evidence : []),
      ...(scan.evidenceJson ? [fits ? "" : text(JSON.stringify(attributes.evidence ?? null))] : []),
    ]);
  }
}

function* mentionRows(graph: KnowledgeGraph): Generator<string> {
  yield header(MENTIONS_HEADER);
  for (const { node, attributes } of graph.nodeEntries())
    if (Array.isArray(attributes.documents))
      for (const doc of new Set(attributes.documents)) yield line([text(String(doc)), text(node), "MENTIONS"]);
}

function* evidenceRows(graph: KnowledgeGraph): Generator<string> {
  yield header(EVIDENCED_BY_HEADER);
  for (const { edge, source, attributes } of graph.edgeEntries())
    if (Array.isArray(attributes.evidence))
      for (const e of attributes.evidence as Evidence[])
        if (typeof e?.doc === "string")
          yield line([text(source), text(e.doc), "EVIDENCED_BY", text(edge), text(e.quote), int(e.start), int(e.end)]);
}

function evidenceArrays(evidence: Evidence[]): string[] {
  if (evidence.length === 0) return ["", "", "", ""];
  return [
    text(evidence.map((e) => e.doc).join(DELIMITER)),
    text(evidence.map((e) => e.quote).join(DELIMITER)),
    evidence.map((e) => e.start).join(DELIMITER),
    evidence.map((e) => e.end).join(DELIMITER),
  ];
}

/** One property's cell: quoted text, a bare number or boolean, a delimited array, or empty when missing. */
function cell(property: Neo4jProperty, attributes: Attributes): string {
  const value = attributes[property.key];
  if (isEmptyValue(value)) return "";
  if (property.json) return text(JSON.stringify(value));
  if (property.array) {
    if (!Array.isArray(value) || value.length === 0) return "";
    const items = value.filter((v) => !isEmptyValue(v)).map(String);
    return property.type === "string" ? text(items.join(DELIMITER)) : items.join(DELIMITER);
  }
  return property.type === "string" ? text(String(value)) : String(value);
}

function int(value: unknown): string {
  return Number.isSafeInteger(value) ? String(value) : "";
}

/** A quoted field; quotes are doubled (RFC 4180, and neo4j-admin's default without --legacy-style-quoting). */
function text(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function header(fields: string[]): string {
  return fields.join(",") + "\n";
}

function line(cells: string[]): string {
  return cells.join(",") + "\n";
}
