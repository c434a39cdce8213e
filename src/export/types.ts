/**
 * Export types: formats, CSV parts, attribute columns and the subset a user asks to export.
 */

/** Formats `GET /api/export` and `kg export` write. */
export const EXPORT_FORMATS = ["gexf", "graphml", "json", "csv", "neo4j", "turtle", "jsonld"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A CSV export is a zip of both files, or one of them. */
export const CSV_PARTS = ["zip", "nodes", "edges"] as const;
export type CsvPart = (typeof CSV_PARTS)[number];

/**
 * How an attribute is typed in the file. The names are GEXF 1.3's; `json` is a GEXF `string` holding JSON, used for
 * objects (evidence, qualifiers) and for attributes whose values mix types, so they round-trip exactly.
 */
export type ColumnType =
  | "string"
  | "boolean"
  | "integer"
  | "long"
  | "double"
  | "liststring"
  | "listboolean"
  | "listinteger"
  | "listlong"
  | "listdouble"
  | "json";

/** The `<desc>` of a GraphML key whose values are JSON text (GraphML has no list or object types). */
export const GRAPHML_JSON_DESC = "JSON";

/** One declared attribute of nodes or edges. */
export interface Column {
  /** The attribute's key in the graph, used as the file's attribute id. */
  key: string;
  type: ColumnType;
  /** Human title shown by Gephi: the key, with a hint for JSON and derived columns. */
  title: string;
  /** True for columns computed from another attribute (e.g. quotes from evidence); dropped again on import. */
  derived: boolean;
}

/** Which part of the graph to export; every field is optional and they combine (intersection). */
export interface ExportSubset {
  /** Keep only nodes of these entity types. */
  types?: string[];
  /** Keep only edges with these predicates. */
  predicates?: string[];
  /** Ego graph: this node and everything within `depth` hops (either direction). */
  node?: string;
  depth?: number;
  /** Path query: the nodes and edges of the k shortest paths from `from` to `to`. */
  from?: string;
  to?: string;
  k?: number;
}
