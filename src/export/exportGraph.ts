/**
 * Export dispatch: one entry point that turns a graph into a named, typed stream of GEXF, GraphML, JSON, CSV, a
 * Neo4j bulk-import bundle (zip), Turtle or JSON-LD.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { writeCsv } from "./csv.ts";
import { writeGexf } from "./gexf.ts";
import { writeGraphml } from "./graphml.ts";
import { writeJson } from "./json.ts";
import { writeJsonLd } from "./jsonld.ts";
import { neo4jBundle } from "./neo4j.ts";
import type { RdfOptions } from "./rdfTriples.ts";
import { writeTurtle } from "./turtle.ts";
import type { CsvPart, ExportFormat } from "./types.ts";
import { zipStream } from "./zip.ts";

/** A file ready to be streamed: its suggested name, its media type and its content. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  chunks: AsyncIterable<string | Uint8Array>;
}

/** Tunables of {@link exportGraph}. */
export interface ExportOptions {
  /** For CSV: both files in a zip, or just one of them. */
  part: CsvPart;
  /** File name without extension. */
  baseName: string;
  /** Written as the GEXF `lastmodifieddate` and the zip entries' time; null means now. */
  lastModified: Date | null;
  /** For Turtle and JSON-LD: the IRI base and where document texts come from. */
  rdf: Partial<RdfOptions>;
  /** For GEXF: dynamic mode, with spells on the days of each element's documents (Gephi's timeline). */
  dynamic: boolean;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  part: "zip",
  baseName: "graph",
  lastModified: null,
  rdf: {},
  dynamic: false,
};

/** Prepares the export of `graph`; nothing is written until `chunks` is iterated. */
export function exportGraph(
  graph: KnowledgeGraph,
  format: ExportFormat,
  options: Partial<ExportOptions> = {},
): ExportFile {
  const { part, baseName, lastModified, rdf, dynamic } = { ...DEFAULT_EXPORT_OPTIONS, ...options };
  const modified = lastModified ?? new Date();
  switch (format) {
    case "gexf":
      return {
        fileName: `${baseName}.gexf`,
        contentType: "application/gexf+xml; charset=utf-8",
        chunks: writeGexf(graph, { lastModified: modified, dynamic }),
      };
    case "graphml":
      return {
        fileName: `${baseName}.graphml`,
        contentType: "application/graphml+xml; charset=utf-8",
        chunks: writeGraphml(graph),
      };
    case "json":
      return { fileName: `${baseName}.json`, contentType: "application/json; charset=utf-8", chunks: writeJson(graph) };
    case "csv":
      if (part !== "zip")
        return {
          fileName: `${baseName}-${part}.csv`,
          contentType: "text/csv; charset=utf-8; header=present",
          chunks: writeCsv(graph, part),
        };
      return {
        fileName: `${baseName}-csv.zip`,
        contentType: "application/zip",
        chunks: zipStream(
          [
            { name: `${baseName}-nodes.csv`, chunks: writeCsv(graph, "nodes") },
            { name: `${baseName}-edges.csv`, chunks: writeCsv(graph, "edges") },
          ],
          modified,
        ),
      };
    case "neo4j":
      return {
        fileName: `${baseName}-neo4j.zip`,
        contentType: "application/zip",
        chunks: zipStream(
          neo4jBundle(graph).map((e) => ({ ...e, name: `${baseName}-neo4j/${e.name}` })),
          modified,
        ),
      };
    case "turtle":
      return {
        fileName: `${baseName}.ttl`,
        contentType: "text/turtle; charset=utf-8",
        chunks: writeTurtle(graph, rdf),
      };
    case "jsonld":
      return {
        fileName: `${baseName}.jsonld`,
        contentType: "application/ld+json; charset=utf-8",
        chunks: writeJsonLd(graph, rdf),
      };
  }
}
