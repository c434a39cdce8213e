/**
 * GET /api/export: the served graph, or a subset of it, as a GEXF, GraphML, JSON, CSV, Neo4j-bundle,
 * Turtle or JSON-LD download, streamed.
 */
import { Router } from "express";
import { documentTextReader } from "../../export/documentTexts.ts";
import { exportGraph } from "../../export/exportGraph.ts";
import { ExportQuerySchema, subsetOf } from "../../export/query.ts";
import { selectSubset, SubsetError } from "../../export/subset.ts";
import type { KnowledgeGraph } from "../../model/types.ts";
import type { ServerContext } from "../context.ts";
import { HttpError, parseOr400 } from "../errors.ts";
import { streamBody } from "../streamBody.ts";

/** Routes: GET /api/export?format=gexf|graphml|json|csv|neo4j|turtle|jsonld[&part=zip|nodes|edges][&types=…][&predicates=…][&node=…&depth=…][&from=…&to=…&k=…][&base=IRI]. */
export function exportRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/export", async (req, res) => {
    const query = parseOr400(ExportQuerySchema, req.query, "query");
    const graph = subsetOrThrow(ctx.store.graph, query);
    const rdf = {
      ...(query.base ? { base: query.base } : {}),
      documentText: ctx.dataRoot ? documentTextReader(ctx.dataRoot) : null,
    };
    const file = exportGraph(graph, query.format, { part: query.part ?? "zip", baseName: "evidence-graph", rdf });
    res.status(200).attachment(file.fileName).type(file.contentType).set("Cache-Control", "no-store");
    await streamBody(req, res, file.chunks, `export ${query.format}`);
  });
  return router;
}

function subsetOrThrow(graph: KnowledgeGraph, query: Parameters<typeof subsetOf>[0]): KnowledgeGraph {
  try {
    return selectSubset(graph, subsetOf(query));
  } catch (error) {
    if (!(error instanceof SubsetError)) throw error;
    const status = error.reason === "not_found" ? 404 : error.reason === "ambiguous" ? 409 : 400;
    const code = error.reason === "unknown_predicate" ? "bad_request" : error.reason;
    throw new HttpError(status, code, error.message, error.details);
  }
}
