/**
 * GET /api/export: the served graph, or a subset of it, as a GEXF, GraphML, JSON, CSV, Neo4j-bundle, Turtle or JSON-LD
 * download, streamed; the answer is query/export.ts's.
 */
import { Router } from "express";
import { documentTextReader } from "../../export/documentTexts.ts";
import { answerExport } from "../../query/export.ts";
import type { ServerContext } from "../context.ts";
import { streamBody } from "../streamBody.ts";

/** Routes: GET /api/export?format=gexf|graphml|json|csv|neo4j|turtle|jsonld[&part=zip|nodes|edges][&types=…][&predicates=…][&node=…&depth=…][&from=…&to=…&k=…][&base=IRI]. */
export function exportRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/export", async (req, res) => {
    const documentText = ctx.dataRoot ? documentTextReader(ctx.dataRoot) : null;
    const { file } = answerExport(ctx.served.graph, req.query, "evidence-graph", documentText);
    res.status(200).attachment(file.fileName).type(file.contentType).set("Cache-Control", "no-store");
    await streamBody(req, res, file.chunks, `export ${file.fileName}`);
  });
  return router;
}
