/**
 * Neo4j bundle layout: the file names, node labels and header rows of the bundle, shared by the writer, the texts
 * (README, Cypher) and the reader.
 */
import { DOCUMENT_ID_SPACE, ENTITY_ID_SPACE, headerField } from "./neo4jColumns.ts";
import type { Neo4jScan } from "./neo4jScan.ts";

/** The bundle's file names, in the order they are written. */
export const NEO4J_FILES = {
  readme: "README.md",
  schema: "schema.cypher",
  importCypher: "import.cypher",
  manifest: "kg-manifest.json",
  entities: "entities.csv",
  documents: "documents.csv",
  relations: "relations.csv",
  mentions: "mentions.csv",
  evidencedBy: "evidenced_by.csv",
} as const;

/** The labels every entity and document node carries. */
export const ENTITY_LABEL = "Entity";
export const DOCUMENT_LABEL = "Document";

/** The header row of the entities file. */
export function entityHeader(scan: Neo4jScan): string[] {
  return [`id:ID(${ENTITY_ID_SPACE})`, ":LABEL", ...scan.nodeProperties.map(headerField)];
}

/** The header row of the relations file: ends, type, edge key, attributes, then the evidence arrays. */
export function relationHeader(scan: Neo4jScan): string[] {
  return [
    `:START_ID(${ENTITY_ID_SPACE})`,
    `:END_ID(${ENTITY_ID_SPACE})`,
    ":TYPE",
    "key:string",
    ...scan.edgeProperties.map(headerField),
    "evidenceDocuments:string[]",
    "evidenceQuotes:string[]",
    "evidenceStarts:int[]",
    "evidenceEnds:int[]",
    ...(scan.evidenceJson ? ["evidenceJson:string"] : []),
  ];
}

/** Header rows of the documents, mentions and evidenced-by files. */
export const DOCUMENT_HEADER = [`id:ID(${DOCUMENT_ID_SPACE})`, ":LABEL", "title:string"];
export const MENTIONS_HEADER = [`:START_ID(${DOCUMENT_ID_SPACE})`, `:END_ID(${ENTITY_ID_SPACE})`, ":TYPE"];
export const EVIDENCED_BY_HEADER = [
  `:START_ID(${ENTITY_ID_SPACE})`,
  `:END_ID(${DOCUMENT_ID_SPACE})`,
  ":TYPE",
  "relation:string",
  "quote:string",
  "start:int",
  "end:int",
];
