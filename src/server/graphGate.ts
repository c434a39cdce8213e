/**
 * Graph gate: while a server started on a snapshot builds its graphology graph, requests for /api routes that need it
 * wait for it (without holding the event loop); those answered from the snapshot pass at once.
 */
import type { RequestHandler } from "express";
import { graphOf } from "./answerView.ts";
import type { ServerContext } from "./context.ts";

/**
 * GET routes the snapshot answers (paths through answerPathsQueued, which waits itself for a query with a time window
 * or minimum support), by path under /api.
 */
const ANSWERED_WITHOUT_GRAPH = [
  /^\/health$/,
  /^\/openapi\.json$/,
  /^\/paths$/,
  /^\/search$/,
  /^\/graph\/nodes\/[^/]+$/,
  /^\/nodes\/[^/]+\/neighbors$/,
];

/** Middleware in front of the /api routes (mounted under /api); see the file comment. */
export function graphGate(ctx: ServerContext): RequestHandler {
  return (req, _res, next) => {
    if (ctx.served.ready) return next();
    const read = req.method === "GET" || req.method === "HEAD";
    if (read && ANSWERED_WITHOUT_GRAPH.some((route) => route.test(req.path))) return next();
    graphOf(ctx).then(() => next(), next);
  };
}
