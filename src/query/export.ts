/**
 * Export query: the served graph, or a subset of it, as one GEXF, GraphML, JSON, CSV, Neo4j-bundle, Turtle or JSON-LD
 * file — GET /api/export and `kg export`.
 */
import { exportGraph, type ExportFile } from "../export/exportGraph.ts";
import { ExportQuerySchema, subsetOf, type ExportQuery } from "../export/query.ts";
import { selectSubset, SubsetError } from "../export/subset.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { filterGraph } from "../graph/relationFilter.ts";
import { relationFilterOf } from "../graph/relationFilterQuery.ts";
import { HttpError, parseOr400 } from "./errors.ts";
import { exportBaseName } from "./exportName.ts";

/** An export's file (its chunks stream on demand) and the graph it writes. */
export interface ExportAnswer {
  file: ExportFile;
  graph: KnowledgeGraph;
}

/** Reads a document's text by id (RDF counts offsets in code points and quotes context from it); null: unknown. */
export type DocumentTextReader = (id: string) => string | null;

/**
 * Answers an export request given as the parsed query string (or flags). `documentText` gives the RDF formats the
 * documents' texts (null: none). Throws an HttpError: 400 bad request or unknown predicates, 404 unknown entity,
 * 409 ambiguous name.
 */
export function answerExport(
  graph: KnowledgeGraph,
  rawQuery: unknown,
  baseName: string,
  documentText: DocumentTextReader | null,
): ExportAnswer {
  const query = parseOr400(ExportQuerySchema, rawQuery, "query");
  // The window and minSupport first, then the subset: an ego graph or a path walks only the relations left, from
  // entities named on the whole graph (they may have no relation of their own in the window).
  const nodes = query.node || query.from ? "all" : "kept";
  const subset = subsetOrThrow(filterGraph(graph, relationFilterOf(query), nodes), query);
  const rdf = { ...(query.base ? { base: query.base } : {}), documentText };
  const name = exportBaseName(graph, query, baseName);
  const options = { part: query.part ?? "zip", baseName: name, rdf, dynamic: query.dynamic ?? false };
  return { file: exportGraph(subset, query.format, options), graph: subset };
}

function subsetOrThrow(graph: KnowledgeGraph, query: ExportQuery): KnowledgeGraph {
  try {
    return selectSubset(graph, subsetOf(query));
  } catch (error) {
    if (!(error instanceof SubsetError)) throw error;
    const status = error.reason === "not_found" ? 404 : error.reason === "ambiguous" ? 409 : 400;
    const code = error.reason === "unknown_predicate" ? "bad_request" : error.reason;
    throw new HttpError(status, code, error.message, error.details);
  }
}
