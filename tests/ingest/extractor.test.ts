import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { ACME_ARTICLE } from "./fixtureExtractor.ts";
import { writeHarness, type WriteHarness } from "./harness.ts";

describe("the default extractor", () => {
  let h: WriteHarness;
  beforeAll(() => {
    // No extractor given: the server imports src/extract's pipeline on the first document written.
    h = writeHarness({ extractor: null });
  });
  afterAll(() => h.remove());

  it("is loaded by the first document written to a served graph, and extracts it", async () => {
    const res = await request(h.app)
      .post("/api/documents")
      .send({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text });
    expect(res.status).toBe(201);
    expect(res.body.document.id).toMatch(/^\d{3}_/);
    expect(res.body.newEntities.length + res.body.mergedEntities.length).toBeGreaterThan(0);
    expect(h.data.read(`documents/${res.body.document.id}.meta.yaml`)).toContain(ACME_ARTICLE.title);
  });
});
