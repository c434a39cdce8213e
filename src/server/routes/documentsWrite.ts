/**
 * POST /api/documents: adds an article to graph-data/ (extract, resolve, merge) and swaps the served graph.
 */
import { Router } from "express";
import { DocumentBodySchema } from "../../ingest/documentInput.ts";
import { requireWriteAccess } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { parseOr400 } from "../../query/errors.ts";
import { toHttpError, writerOf } from "./writeErrors.ts";

/** Routes: POST /api/documents. */
export function documentsWriteRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.post("/documents", requireWriteAccess(ctx), async (req, res) => {
    const body = parseOr400(DocumentBodySchema, req.body, "body");
    try {
      const result = await writerOf(ctx).ingest(body);
      res.status(201).location(`/api/documents/${result.document.id}`).json(result);
    } catch (error) {
      throw toHttpError(error);
    }
  });
  return router;
}
