/**
 * API routes: every router mounted under /api, in one list so a request's handler is found at a glance.
 * GET/HEAD /api/paths and /api/search are answered before Express by the hot dispatcher (../hot/index.ts), which
 * calls the same answer functions as their routers here; ../handler.ts shows the order.
 */
import type { Router } from "express";
import type { ServerContext } from "../context.ts";
import { healthRoutes } from "./health.ts";
import { graphRoutes } from "./graph.ts";
import { searchRoutes } from "./search.ts";
import { nodesRoutes } from "./nodes.ts";
import { triplesRoutes } from "./triples.ts";
import { pathsRoutes } from "./paths.ts";
import { documentsRoutes } from "./documents.ts";
import { openApiRoutes } from "./openapi.ts";
import { documentsWriteRoutes } from "./documentsWrite.ts";
import { relationsRoutes } from "./relations.ts";
import { ontologyRoutes } from "./ontology.ts";
import { exportRoutes } from "./export.ts";
import { vocabRoutes } from "./vocab.ts";

/** A module's routes, mounted under /api. */
export type RouteFactory = (ctx: ServerContext) => Router;

/** All API route modules. */
export const API_ROUTES: RouteFactory[] = [
  healthRoutes,
  graphRoutes,
  searchRoutes,
  nodesRoutes,
  triplesRoutes,
  pathsRoutes,
  documentsRoutes,
  openApiRoutes,
  documentsWriteRoutes,
  relationsRoutes,
  ontologyRoutes,
  exportRoutes,
  vocabRoutes,
];
