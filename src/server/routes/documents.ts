/**
 * GET /api/documents: the documents the graph is built from; GET /api/documents/:id: a document's verbatim text and
 * metadata, so a client can highlight an evidence span. Answered in query/documents.ts.
 */
import { Router } from "express";
import { answerDocument, answerDocumentList } from "../../query/documents.ts";
import type { ServerContext } from "../context.ts";

/** Routes: GET /api/documents and GET /api/documents/:id. */
export function documentsRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/documents", async (_req, res) => {
    res.json(await answerDocumentList(ctx.served.graph, ctx.dataRoot));
  });
  router.get("/documents/:id", async (req, res) => {
    res.json(await answerDocument(ctx.dataRoot, req.params));
  });
  return router;
}
