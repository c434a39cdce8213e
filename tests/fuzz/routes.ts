/**
 * Fuzz routes: every endpoint the app mounts, read from the route factories themselves (so a new route module is
 * fuzzed without touching this suite), with the query parameters /api/openapi.json documents for it.
 */
import type { Router } from "express";
import { API_ROUTES } from "../../src/server/routes/index.ts";
import type { ServerContext } from "../../src/server/context.ts";

/** A query parameter as the OpenAPI document describes it (its JSON Schema, trimmed to what the fuzzer uses). */
export interface FuzzParam {
  name: string;
  required: boolean;
  schema: { type?: string; enum?: unknown[]; minimum?: number; maximum?: number; maxLength?: number; pattern?: string };
}

/** One mounted endpoint: its method, its Express path (`/api/nodes/:id`) and the query parameters known for it. */
export interface FuzzRoute {
  method: string;
  path: string;
  query: FuzzParam[];
}

type OpenApiOperation = { parameters?: (FuzzParam & { in: string })[] };
type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route of every module in API_ROUTES (those loaded on first use imported here), as mounted under /api. */
export async function mountedRoutes(ctx: ServerContext): Promise<{ method: string; path: string }[]> {
  const routes: { method: string; path: string }[] = [];
  for (const lazyOrNot of API_ROUTES) {
    const factory = lazyOrNot.load ? await lazyOrNot.load() : lazyOrNot;
    const router = factory(ctx) as Router & { stack: RouteLayer[] };
    for (const layer of router.stack) {
      if (!layer.route) continue;
      for (const method of Object.keys(layer.route.methods)) {
        if (method === "_all") continue;
        routes.push({ method: method.toUpperCase(), path: `/api${layer.route.path}` });
      }
    }
  }
  return routes;
}

/** `/api/nodes/{id}` (OpenAPI) → `/api/nodes/:id` (Express). */
function expressPath(openApiPath: string): string {
  return openApiPath.replace(/\{([^}]+)\}/g, ":$1");
}

/** The mounted routes, each with the query parameters that the OpenAPI document lists for it. */
export async function fuzzRoutes(ctx: ServerContext, openApi: OpenApiDocument): Promise<FuzzRoute[]> {
  const documented = new Map<string, FuzzParam[]>();
  for (const [path, operations] of Object.entries(openApi.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const query = (operation.parameters ?? []).filter((p) => p.in === "query");
      documented.set(`${method.toUpperCase()} ${expressPath(path)}`, query);
    }
  }
  return (await mountedRoutes(ctx)).map((r) => ({ ...r, query: documented.get(`${r.method} ${r.path}`) ?? [] }));
}
