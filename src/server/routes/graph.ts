/**
 * GET /api/graph (the graphology export, or with view=draw only what the page draws), and one node or edge of it
 * with every attribute: the page draws from the small payload and fetches evidence when the reader opens an element.
 */
import { randomBytes } from "node:crypto";
import { Router, type Response } from "express";
import { drawGraphView, graphEdgeView, graphNodeView } from "../api/graphViews.ts";
import { GraphKeyParamsSchema, GraphNodeQuerySchema, GraphQuerySchema } from "../api/schemas.ts";
import type { ServerContext } from "../context.ts";
import { HttpError, parseOr400 } from "../errors.ts";

/**
 * Graph versions restart at 1 with each process: the ETag also names the process, so a browser's copy of another
 * run's graph never revalidates as current.
 */
const RUN_TAG = randomBytes(6).toString("base64url");

type View = "full" | "draw";

/** Routes: GET /api/graph, GET /api/graph/nodes/:id, GET /api/graph/edges/:id. */
export function graphRoutes(ctx: ServerContext): Router {
  const router = Router();
  // Serialising a large graph costs tens to hundreds of milliseconds: do it once per graph version and view.
  const cache = new Map<View, { version: number; body: string }>();
  const body = (view: View): string => {
    const version = ctx.store.version;
    let entry = cache.get(view);
    if (!entry || entry.version !== version) {
      const graph = ctx.store.graph;
      const value = view === "draw" ? drawGraphView(graph) : graph.export();
      entry = { version, body: JSON.stringify(value) };
      cache.set(view, entry);
    }
    return entry.body;
  };
  const sendJson = (res: Response, text: string, etag: string) => {
    // no-cache: the browser keeps its copy but asks each time; an unchanged graph then costs a 304 and no transfer.
    res.type("application/json").set({ ETag: etag, "Cache-Control": "no-cache" }).send(text);
  };

  router.get("/graph", (req, res) => {
    const { view } = parseOr400(GraphQuerySchema, req.query, "query");
    const text = body(view);
    sendJson(res, text, `"${RUN_TAG}-${ctx.store.version}-${view}"`);
  });
  router.get("/graph/nodes/:id", (req, res) => {
    const graph = ctx.store.graph;
    const { id } = parseOr400(GraphKeyParamsSchema, req.params, "params");
    const { limit } = parseOr400(GraphNodeQuerySchema, req.query, "query");
    if (!graph.hasNode(id)) throw missing("node", id);
    res.json(graphNodeView(graph, id, limit));
  });
  router.get("/graph/edges/:id", (req, res) => {
    const graph = ctx.store.graph;
    const { id } = parseOr400(GraphKeyParamsSchema, req.params, "params");
    if (!graph.hasEdge(id)) throw missing("edge", id);
    res.json(graphEdgeView(graph, id));
  });
  return router;
}

/** 404 for a key the served graph does not have (it may have been removed by a review or a rebuild). */
function missing(what: "node" | "edge", id: string): HttpError {
  const hint = what === "node" ? "look entities up with /api/search?q=" : "list relations with /api/triples";
  return new HttpError(404, "not_found", `graph: no ${what} has the key "${id}"; ${hint}`, { param: "id" });
}
