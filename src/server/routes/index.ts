/**
 * API routes: every router mounted under /api, in one list so a request's handler is found at a glance.
 * GET/HEAD /api/paths and /api/search are answered before Express by the hot dispatcher (../hot/index.ts), which
 * calls the same answer functions as their routers here; ../handler.ts shows the order.
 *
 * The routes a server started on a snapshot answers before its graph is built (health, node detail, neighbours,
 * search, paths) are loaded with the server; the others on their first request (./lazyRoutes.ts).
 */
import { healthRoutes } from "./health.ts";
import { graphRoutes } from "./graph.ts";
import { searchRoutes } from "./search.ts";
import { nodesRoutes } from "./nodes.ts";
import { pathsRoutes } from "./paths.ts";
import { lazyRoutes, type RouteFactory } from "./lazyRoutes.ts";

export type { RouteFactory } from "./lazyRoutes.ts";

/** All API route modules. */
export const API_ROUTES: RouteFactory[] = [
  healthRoutes,
  graphRoutes,
  searchRoutes,
  nodesRoutes,
  lazyRoutes("triples", () => import("./triples.ts").then((m) => m.triplesRoutes)),
  pathsRoutes,
  lazyRoutes("documents", () => import("./documents.ts").then((m) => m.documentsRoutes)),
  lazyRoutes("API description", () => import("./openapi.ts").then((m) => m.openApiRoutes)),
  lazyRoutes("document ingest", () => import("./documentsWrite.ts").then((m) => m.documentsWriteRoutes)),
  lazyRoutes("relation review", () => import("./relations.ts").then((m) => m.relationsRoutes)),
  lazyRoutes("ontology", () => import("./ontology.ts").then((m) => m.ontologyRoutes)),
  lazyRoutes("export", () => import("./export.ts").then((m) => m.exportRoutes)),
  lazyRoutes("vocabulary", () => import("./vocab.ts").then((m) => m.vocabRoutes)),
];
