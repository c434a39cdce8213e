/**
 * POST /api/documents: adds an article — given as text, or as the URL of a page to fetch — to graph-data/ (extract,
 * resolve, merge) and swaps the served graph.
 */
import { Router } from "express";
import type { z } from "zod";
import { DocumentBodySchema, UrlDocumentBodySchema } from "../../ingest/documentInput.ts";
import type { DocumentInput } from "../../ingest/types.ts";
import { fetchArticle } from "../../ingest/web/fetchArticle.ts";
import { requireWriteAccess } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { parseOr400 } from "../../query/errors.ts";
import type { IngestResponseSchema } from "../../query/schemas.ts";
import { toHttpError, writerOf } from "./writeErrors.ts";

type IngestResponse = z.infer<typeof IngestResponseSchema>;

/** Routes: POST /api/documents. */
export function documentsWriteRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.post("/documents", requireWriteAccess(ctx), async (req, res) => {
    // Checked before fetching: a server that cannot write fetches nothing.
    const writer = writerOf(ctx);
    try {
      // Checked against the documented body, so the writer's result and the API's schema cannot drift apart.
      const result: IngestResponse = await writer.ingest(await documentOf(ctx, req.body));
      res.status(201).location(`/api/documents/${result.document.id}`).json(result);
    } catch (error) {
      throw toHttpError(error);
    }
  });
  return router;
}

/**
 * The document a body describes: its text, or — for a body with a `url` and no `text` — the page at the URL, fetched
 * under the server's fetch options (private addresses refused unless the server was started to allow them).
 */
async function documentOf(ctx: ServerContext, body: unknown): Promise<DocumentInput> {
  const isUrlBody = typeof body === "object" && body !== null && !("text" in body) && "url" in body;
  if (!isUrlBody) return parseOr400(DocumentBodySchema, body, "body");
  const { url, ...given } = parseOr400(UrlDocumentBodySchema, body, "body");
  return fetchArticle(url, ctx.fetch ?? {}, { given });
}
