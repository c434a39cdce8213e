/**
 * The request handler when the Express app cannot be imported: its routes answer a JSON 503 that says how to fix it,
 * the hot routes still answer, and the import is tried again by the next request.
 */
import { createServer } from "node:http";
import request from "supertest";
import { describe, expect, it, vi } from "vitest";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import type { ServerContext } from "../../src/server/context.ts";
import { createRequestHandler } from "../../src/server/handler.ts";
import { graphOf } from "../paths/fixtures.ts";

const appImport = vi.hoisted(() => ({ fails: true }));
vi.mock("../../src/server/app.ts", async (importOriginal) => {
  if (appImport.fails) throw new Error("Cannot find package 'express'");
  return importOriginal();
});

describe("createRequestHandler without its Express app", () => {
  it("answers its routes 503 with how to fix it, the hot routes at once, and loads the app once it can", async () => {
    const context: ServerContext = {
      served: new ServedGraph(graphOf([["a", "supports", "b"]])),
      dataRoot: null,
      readOnly: true,
    };
    const server = createServer(createRequestHandler(context, { requestLogs: false, webRoot: "/nonexistent" }));
    const health = await request(server).get("/api/health").expect(503);
    expect(health.body.error.code).toBe("unavailable");
    expect(health.body.error.message).toMatch(/cannot be loaded \(.*\).*npm install/);
    expect(health.headers["content-security-policy"]).toBeDefined();
    await request(server).get("/api/search?q=a").expect(200);
    appImport.fails = false;
    vi.resetModules();
    await request(server).get("/api/health").expect(200);
  });
});
