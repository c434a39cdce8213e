/**
 * JSON answers everywhere: OPTIONS and paths neither the API nor the page has answer a JSON error, as every API
 * answer does, instead of Express' text or HTML.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import request from "supertest";
import { describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { createApp } from "../../src/server/app.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";

function pageRoot(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kg-json-web-"));
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>kg</title>");
  return dir;
}

const app = createApp(
  { served: new ServedGraph(new MultiDirectedGraph() as KnowledgeGraph), dataRoot: null, readOnly: true },
  { requestLogs: false, webRoot: pageRoot() },
);

describe("JSON answers", () => {
  it("answers OPTIONS on API routes and the page with a JSON 405 and no CORS grant", async () => {
    for (const url of ["/api/health", "/api/documents", "/api/nope", "/"]) {
      const res = await request(app).options(url).set("Origin", "https://elsewhere.example");
      expect(res.status, url).toBe(405);
      expect(res.type).toBe("application/json");
      expect(res.body.error.code).toBe("method_not_allowed");
      expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    }
  });

  it("answers a path neither the API nor the page has with a JSON 404", async () => {
    for (const url of ["/nope", "/assets/missing.js", "/api/nope"]) {
      const res = await request(app).get(url);
      expect(res.status, url).toBe(404);
      expect(res.type).toBe("application/json");
      expect(res.body.error.code).toBe("not_found");
    }
  });

  it("still serves the page", async () => {
    const res = await request(app).get("/").expect(200);
    expect(res.type).toBe("text/html");
  });
});
