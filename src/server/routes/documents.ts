/**
 * GET /api/documents/:id: a document's verbatim text and metadata, so a client can highlight an evidence span.
 */
import { Router } from "express";
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { dataFilesOf, documentMetaPath, documentTextPath } from "../../store/dataFiles.ts";
import { DocumentParamsSchema } from "../../query/schemas.ts";
import type { ServerContext } from "../context.ts";
import { HttpError, parseOr400 } from "../../query/errors.ts";

/** Routes: GET /api/documents/:id. */
export function documentsRoutes(ctx: ServerContext): Router {
  const router = Router();
  router.get("/documents/:id", async (req, res) => {
    // The id schema allows no '/' and no leading '.', so the file paths below stay inside documents/.
    const { id } = parseOr400(DocumentParamsSchema, req.params, "params");
    if (ctx.dataRoot === null) {
      throw new HttpError(
        404,
        "not_found",
        `documents are not available: this server serves a standalone graph file; serve a graph-data folder (npx kg serve --data DIR) to read documents`,
      );
    }
    const dataFiles = dataFilesOf(ctx.dataRoot);
    const [text, metaText] = await Promise.all([
      readIfExists(documentTextPath(dataFiles, id)),
      readIfExists(documentMetaPath(dataFiles, id)),
    ]);
    if (text === null)
      throw new HttpError(404, "not_found", `no document "${id}"; evidence quotes name their document in "doc"`);
    const meta: unknown = metaText === null ? null : parseYaml(metaText);
    res.json({
      id,
      meta: meta && typeof meta === "object" ? { id, title: id, ...meta } : { id, title: id },
      text,
      length: text.length,
    });
  });
  return router;
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
