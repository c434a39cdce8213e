import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { buildGraph } from "../../src/graph/build.ts";
import { API_ENDPOINTS, OPENAPI_ENDPOINT, PATHS_ENDPOINT } from "../../src/server/api/endpoints.ts";
import { expectDocumented, serveForTest, type TestServer } from "./apiFixture.ts";
import { mountedRoutes } from "../fuzz/routes.ts";

type Parameter = { name: string; in: string; required: boolean; schema: Record<string, unknown> };

describe("GET /api/openapi.json", () => {
  let api: TestServer;
  let doc: {
    openapi: string;
    paths: Record<string, Record<string, { parameters?: Parameter[]; responses: Record<string, unknown> }>>;
  };
  beforeAll(async () => {
    api = await serveForTest(buildGraph().graph, null);
    const res = await request(api.server).get("/api/openapi.json");
    expectDocumented(res, OPENAPI_ENDPOINT, 200);
    doc = res.body;
  });
  afterAll(() => api.close());

  it("is an OpenAPI 3.1 document listing every endpoint spec", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const spec of API_ENDPOINTS) expect(doc.paths[spec.path]?.[spec.method], spec.path).toBeDefined();
  });

  it("documents every route the app mounts, so the document cannot fall behind the code", async () => {
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ":$1")}`),
      ),
    );
    const mounted = (await mountedRoutes(api.context)).map((r) => `${r.method} ${r.path}`);
    expect(mounted.filter((route) => !documented.has(route))).toEqual([]);
  });

  it("documents the request body of the write endpoints", () => {
    const post = doc.paths["/api/documents"].post as unknown as { requestBody: { content: Record<string, unknown> } };
    expect(JSON.stringify(post.requestBody.content["application/json"])).toContain('"title"');
  });

  it("documents the path query's parameters with the limits the route enforces", async () => {
    const parameters = doc.paths["/api/paths"].get.parameters!;
    const byName = Object.fromEntries(parameters.map((p) => [p.name, p]));
    expect(Object.keys(byName)).toEqual([
      "from",
      "to",
      "k",
      "maxHops",
      "directed",
      "predicates",
      "exclude",
      "types",
      "candidates",
      "minConfidence",
      "mode",
      "limit",
      "since",
      "until",
      "minSupport",
    ]);
    expect(byName.since.schema).toMatchObject({ type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
    expect(byName.from).toMatchObject({ in: "query", required: true, schema: { type: "string", maxLength: 200 } });
    expect(byName.k.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 20, default: 1 });
    expect(byName.maxHops.schema).toMatchObject({ minimum: 1, maximum: 8, default: 6 });
    expect(byName.mode.schema).toMatchObject({ enum: ["shortest", "all"] });
    expect(byName.candidates.schema).toMatchObject({ default: "true" });
    // The documented limits are the enforced ones: one past each bound is refused.
    const max = byName.k.schema.maximum as number;
    const res = await request(api.server)
      .get("/api/paths")
      .query({ from: "Blinken", to: "NATO", k: max + 1 });
    expect(res.status).toBe(400);
  });

  it("documents each response body and the error shape", () => {
    const responses = doc.paths["/api/paths"].get.responses;
    expect(Object.keys(responses).sort()).toEqual(Object.keys(PATHS_ENDPOINT.responses).sort());
    expect(JSON.stringify(responses["200"])).toContain('"direction"');
    expect(JSON.stringify(responses["409"])).toContain('"error"');
  });

  it("marks path parameters as required", () => {
    const [id] = doc.paths["/api/graph/nodes/{id}"].get.parameters!;
    expect(id).toMatchObject({ name: "id", in: "path", required: true });
  });
});
