/**
 * One schema per response shape: the page (web/) writes no zod object of its own but reads every answer with the
 * server's schema (src/query/schemas.ts) or one derived from it, and a derived schema names the same fields.
 */
import path from "node:path";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import {
  DrawGraphResponseSchema,
  GraphEdgeDetailResponseSchema,
  GraphNodeResponseSchema,
  HealthResponseSchema,
} from "../../src/query/schemas.ts";
import { DrawGraphSchema, EdgeDetailSchema, NodeDetailSchema } from "../../web/app/responseSchemas.ts";
import { fieldPaths, ownObjectSchemas } from "./zodShapes.ts";

const FIXTURES = path.resolve("tests/fixtures/responseShapes");

/** Each schema of the page that is not the server's own, and the server's schema it is derived from. */
const DERIVED = {
  "GET /api/graph?view=draw": [DrawGraphSchema, DrawGraphResponseSchema],
  "GET /api/graph/nodes/:id": [NodeDetailSchema, GraphNodeResponseSchema],
  "GET /api/graph/edges/:id": [EdgeDetailSchema, GraphEdgeDetailResponseSchema],
} satisfies Record<string, [z.ZodType, z.ZodType]>;

describe("response shapes", () => {
  describe("the checker", () => {
    it("accepts a page file that takes its shape from the server's schema and only makes it forgiving", () => {
      expect(ownObjectSchemas(path.join(FIXTURES, "derived"))).toEqual([]);
    });

    it("names the file and line of each shape a page file writes itself, under any import name", () => {
      expect(ownObjectSchemas(path.join(FIXTURES, "own"))).toEqual([
        "api.ts:8 builds a zod object (z.object)",
        "api.ts:11 builds a zod object (shape)",
      ]);
    });

    it("lists the fields a schema names, nested ones included", () => {
      expect(fieldPaths(z.object({ error: z.looseObject({ code: z.string() }).optional() }))).toEqual([
        "error",
        "error.code",
      ]);
      expect(fieldPaths(z.object({ hits: z.array(z.object({ id: z.string().catch("") })) }))).toEqual([
        "hits",
        "hits[].id",
      ]);
    });

    it("tells a schema that only reads forgivingly from one that adds a field", () => {
      const forgiving = HealthResponseSchema.extend({ nodes: z.number().catch(0) });
      const widened = HealthResponseSchema.extend({ uptime: z.number() });
      expect(fieldPaths(forgiving)).toEqual(fieldPaths(HealthResponseSchema));
      expect(fieldPaths(widened)).not.toEqual(fieldPaths(HealthResponseSchema));
    });
  });

  describe("web/", () => {
    it("writes no zod object: every response shape comes from src/query/schemas.ts", () => {
      expect(ownObjectSchemas(path.resolve("web"))).toEqual([]);
    });

    it.each(Object.entries(DERIVED))("reads %s with the fields of the server's schema", (_endpoint, [page, server]) => {
      const fields = fieldPaths(page);
      expect(fields.length).toBeGreaterThan(3);
      expect(fields).toEqual(fieldPaths(server));
    });
  });
});
