/**
 * Lazy routes: a route module imported on the first request that reaches it, answering in its place among the /api
 * routes; one that cannot be imported answers 503 saying what to do, and is tried again.
 */
import express, { Router } from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { ServedGraph } from "../../../src/graph/servedGraph.ts";
import type { KnowledgeGraph } from "../../../src/model/types.ts";
import type { ServerContext } from "../../../src/server/context.ts";
import { errorHandler, notFoundHandler } from "../../../src/server/errors.ts";
import { lazyRoutes, type RouteFactory } from "../../../src/server/routes/lazyRoutes.ts";

const context = (): ServerContext => ({
  served: new ServedGraph(new MultiDirectedGraph() as KnowledgeGraph),
  dataRoot: null,
  readOnly: true,
});

/** An app mounting `factories` under /api, as app.ts does, with its 404 and error answers. */
function appWith(ctx: ServerContext, ...factories: RouteFactory[]) {
  const app = express();
  for (const routes of factories) app.use("/api", routes(ctx));
  app.use("/api", notFoundHandler);
  app.use(errorHandler);
  return app;
}

/** Routes answering GET /api/hello with the context's readOnly flag. */
const helloRoutes: RouteFactory = (ctx) => Router().get("/hello", (_req, res) => res.json({ readOnly: ctx.readOnly }));

describe("lazyRoutes", () => {
  it("imports the module on the first request that reaches it, once, and builds its routes for the context", async () => {
    let loads = 0;
    const lazy = lazyRoutes("greeting", async () => {
      loads++;
      return helloRoutes;
    });
    const app = appWith(context(), lazy);
    expect(loads).toBe(0);
    for (let i = 0; i < 2; i++) {
      const res = await request(app).get("/api/hello");
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ readOnly: true });
    }
    expect(loads).toBe(1);
  });

  it("passes on what its routes do not answer, to the routes after it", async () => {
    const after: RouteFactory = () => Router().get("/after", (_req, res) => res.json({ after: true }));
    const app = appWith(
      context(),
      lazyRoutes("greeting", async () => helloRoutes),
      after,
    );
    expect((await request(app).get("/api/after")).body).toEqual({ after: true });
    expect((await request(app).get("/api/missing")).status).toBe(404);
  });

  it("answers 503 saying how to fix it when the module cannot be imported, and tries again on the next request", async () => {
    let loads = 0;
    const lazy = lazyRoutes("greeting", async () => {
      if (++loads === 1) throw new Error("Cannot find module 'left-pad'");
      return helloRoutes;
    });
    const app = appWith(context(), lazy);
    const failed = await request(app).get("/api/hello");
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe("unavailable");
    expect(failed.body.error.message).toMatch(/the greeting routes cannot be loaded \(Cannot find module 'left-pad'\)/);
    expect(failed.body.error.message).toMatch(/npm install/);
    expect((await request(app).get("/api/hello")).status).toBe(200);
    expect(loads).toBe(2);
  });

  it("gives its module's own factory to what reads the routers' tables", async () => {
    const lazy = lazyRoutes("greeting", async () => helloRoutes);
    expect(await lazy.load?.()).toBe(helloRoutes);
  });
});
