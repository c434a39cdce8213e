/**
 * GET /api/merges over a writable graph-data copy: the merges an ingest recorded, as documented, filtered, marked
 * reverted after POST /api/merges/:id/revert, and bad parameters refused with a 400 naming them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { MERGES_ENDPOINT } from "../../src/server/api/endpoints.ts";
import { ACME_ARTICLE } from "../ingest/fixtureExtractor.ts";
import { writeHarness, type WriteHarness } from "../ingest/harness.ts";
import { expectDocumented, expectError } from "./apiFixture.ts";

describe("GET /api/merges", () => {
  let h: WriteHarness;
  let document: string;
  let merged: { merge: string; entity: string; rule: string; label: string }[];
  beforeAll(async () => {
    h = writeHarness();
    const res = await request(h.app)
      .post("/api/documents")
      .send({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text });
    document = res.body.document.id;
    merged = res.body.mergedEntities;
  });
  afterAll(() => h.remove());

  it("lists the merges the ingest reported, with the kept entity's label and the document's title", async () => {
    expect(merged.length).toBeGreaterThan(0);
    const res = await request(h.app).get("/api/merges");
    expectDocumented(res, MERGES_ENDPOINT, 200);
    expect(res.body).toMatchObject({ total: merged.length, offset: 0, writes: "open" });
    expect(res.body.merges.map((m: { id: string }) => m.id)).toEqual(merged.map((m) => m.merge));
    const ukraine = res.body.merges.find((m: { entity: { id: string } }) => m.entity.id === "ukraine");
    expect(ukraine).toMatchObject({
      rule: "id",
      entity: { id: "ukraine", label: "Ukraine" },
      document: { id: document, title: ACME_ARTICLE.title },
      reverted: false,
    });
  });

  it("filters by rule and kept entity", async () => {
    const res = await request(h.app).get("/api/merges").query({ rule: "id", entity: "Ukraine" });
    expectDocumented(res, MERGES_ENDPOINT, 200);
    expect(res.body.merges.map((m: { entity: { id: string } }) => m.entity.id)).toEqual(["ukraine"]);
    const none = await request(h.app).get("/api/merges").query({ rule: "short-form" });
    expect(none.body).toMatchObject({ total: merged.filter((m) => m.rule === "short-form").length });
  });

  it("marks a merge reverted once POST /api/merges/:id/revert undid it", async () => {
    const { merge } = merged.find((m) => m.entity === "ukraine")!;
    await request(h.app).post(`/api/merges/${merge}/revert`).send({}).expect(200);
    const res = await request(h.app).get("/api/merges").query({ entity: "ukraine" });
    expect(res.body.merges).toEqual([expect.objectContaining({ id: merge, reverted: true })]);
  });

  it("refuses bad parameters with a 400 naming them", async () => {
    expectError(await request(h.app).get("/api/merges?rule=guess"), 400, "bad_request", /rule: rule must be one of/);
    expectError(await request(h.app).get("/api/merges?limit=5000"), 400, "bad_request", /limit: limit must be/);
    expectError(await request(h.app).get("/api/merges?offset=x"), 400, "bad_request", /offset: offset must be/);
  });

  it("says no one may revert on a read-only server", async () => {
    const ro = writeHarness({ readOnly: true });
    try {
      const res = await request(ro.app).get("/api/merges");
      expectDocumented(res, MERGES_ENDPOINT, 200);
      expect(res.body).toMatchObject({ total: 0, merges: [], writes: "off" });
    } finally {
      await ro.remove();
    }
  });
});
