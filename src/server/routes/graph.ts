/**
 * GET /api/graph (the graphology export, or with view=draw only what the page draws: the whole graph, or above the
 * full-drawing limit its overview), one node or edge of it with every attribute, and the parts of a large graph the
 * page expands (an overview group, a few entities and their neighbours).
 */
import { randomBytes } from "node:crypto";
import { Router } from "express";
import { writeJson } from "../../export/json.ts";
import { answerGroup, answerSubgraph, drawOrOverview } from "../../query/overview.ts";
import { warming } from "../../query/warm.ts";
import { answerEdgeDetail, answerNodeDetail } from "../../query/nodes.ts";
import { GraphQuerySchema } from "../../query/schemas.ts";
import { answerViewOf } from "../answerView.ts";
import type { ServerContext } from "../context.ts";
import { parseOr400 } from "../../query/errors.ts";
import { streamBody } from "../streamBody.ts";
import { filterGraph, isFiltering } from "../../graph/relationFilter.ts";
import { relationFilterOf } from "../../graph/relationFilterQuery.ts";

/**
 * Graph versions restart at 1 with each process: the ETag also names the process, so a browser's copy of another
 * run's graph never revalidates as current.
 */
const RUN_TAG = randomBytes(6).toString("base64url");

/** Routes: GET /api/graph, /api/graph/nodes/:id, /api/graph/edges/:id, /api/graph/groups/:id, /api/graph/subgraph. */
export function graphRoutes(ctx: ServerContext): Router {
  const router = Router();
  // The drawing payload is small (a tenth of the export, or the overview) and read on every page load: built once per
  // graph version and drawing options.
  let drawCache: { version: number; draw: ServerContext["draw"]; body: string } | null = null;
  const drawBody = (): string => {
    const { version } = ctx.served;
    if (!drawCache || drawCache.version !== version || drawCache.draw !== ctx.draw) {
      drawCache = { version, draw: ctx.draw, body: JSON.stringify(drawOrOverview(ctx.served.graph, ctx.draw)) };
    }
    return drawCache.body;
  };

  router.get("/graph", async (req, res) => {
    const query = parseOr400(GraphQuerySchema, req.query, "query");
    const { view } = query;
    const filter = relationFilterOf(query);
    const filtering = isFiltering(filter);
    const windowTag = filtering ? `-${filter.since ?? ""}~${filter.until ?? ""}-${filter.minSupport}` : "";
    // no-cache: the browser keeps its copy but asks each time; an unchanged graph then costs a 304 and no transfer.
    res
      .type("application/json")
      .set({ ETag: `"${RUN_TAG}-${ctx.served.version}-${view}${windowTag}"`, "Cache-Control": "no-cache" });
    // A window's graph is cached per served graph (relationFilter.ts); a 304 does not need it.
    const filtered = () => filterGraph(ctx.served.graph, filter, "kept");
    if (view === "draw") {
      await warming(ctx.served.graph);
      res.send(filtering ? JSON.stringify(drawOrOverview(filtered(), ctx.draw)) : drawBody());
      return;
    }
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    // Streamed (byte for byte `JSON.stringify(graph.export())`): one string of a 100k-node graph would hold the
    // event loop for seconds, and a 1M-node graph's is longer than V8 allows.
    await streamBody(req, res, writeJson(filtering ? filtered() : ctx.served.graph), "graph");
  });
  router.get("/graph/nodes/:id", (req, res) => {
    res.json(answerNodeDetail(answerViewOf(ctx), req.params, req.query));
  });
  router.get("/graph/edges/:id", (req, res) => {
    res.json(answerEdgeDetail(ctx.served.graph, req.params));
  });
  // The overview's routes wait for a build of its index in slices under way (see warming in query/warm.ts).
  router.get("/graph/groups/:id", async (req, res) => {
    const graph = ctx.served.graph;
    await warming(graph);
    res.json(answerGroup(graph, req.params, req.query, ctx.draw));
  });
  router.get("/graph/subgraph", async (req, res) => {
    const graph = ctx.served.graph;
    await warming(graph);
    res.json(answerSubgraph(graph, req.query, ctx.draw));
  });
  return router;
}
