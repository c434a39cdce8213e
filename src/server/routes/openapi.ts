/**
 * GET /api/openapi.json: the OpenAPI 3.1 document generated from the routes' zod schemas.
 */
import { Router } from "express";
import type { ServerContext } from "../context.ts";
import { openApiDocument } from "../openapi.ts";

/** Routes: GET /api/openapi.json. */
export function openApiRoutes(_ctx: ServerContext): Router {
  const router = Router();
  // Rendered on first request (not at import) so modules that add endpoint specs at start-up are included.
  let body: string | null = null;
  router.get("/openapi.json", (_req, res) => {
    body ??= JSON.stringify(openApiDocument());
    res.type("application/json").send(body);
  });
  return router;
}
