/**
 * Fuzz regressions: each bug the fuzz suite found, pinned by the smallest request that showed it.
 */
import { MultiDirectedGraph } from "graphology";
import request from "supertest";
import { describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { createApp } from "../../src/server/app.ts";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { DEFAULT_DATA_ROOT } from "../../src/store/dataFiles.ts";

const app = createApp(
  { served: new ServedGraph(new MultiDirectedGraph() as KnowledgeGraph), dataRoot: DEFAULT_DATA_ROOT, readOnly: true },
  { requestLogs: false, webRoot: "/nonexistent" },
);

describe("fuzz regressions", () => {
  describe("GET /api/documents/:id", () => {
    it("answers 400, not 500, for an id too long to be a file name", async () => {
      const res = await request(app).get(`/api/documents/${"a".repeat(300)}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "bad_request" });
      expect(res.body.error.message).toMatch(/at most 200 characters/);
    });
  });
});
