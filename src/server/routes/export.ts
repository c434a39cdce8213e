/**
 * GET /api/export: the served graph, or a subset of it, as a GEXF, GraphML, JSON or CSV download, streamed.
 */
import { Router } from "express";
import { exportGraph } from "../../export/exportGraph.ts";
import { ExportQuerySchema, subsetOf } from "../../export/query.ts";
import { selectSubset, SubsetError } from "../../export/subset.ts";
import type { KnowledgeGraph } from "../../model/types.ts";
import type { ServerContext } from "../context.ts";
import { HttpError, parseOr400 } from "../../query/errors.ts";
import { streamBody } from "../streamBody.ts";

/** Routes: GET /api/export?format=gexf|graphml|json|csv[&part=zip|nodes|edges][&types=…][&predicates=…][&node=…&depth=…][&from=…&to=…&k=…]. */
export function exportRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/export", async (req, res) => {
    const query = parseOr400(ExportQuerySchema, req.query, "query");
    const graph = subsetOrThrow(ctx.store.graph, query);
    const file = exportGraph(graph, query.format, { part: query.part ?? "zip", baseName: "evidence-graph" });
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
