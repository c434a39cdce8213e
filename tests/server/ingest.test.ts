import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { loadDataset } from "../../src/store/load.ts";
import { validateDataset } from "../../src/graph/validate.ts";
import { MAX_DOCUMENT_BYTES } from "../../src/ingest/documentInput.ts";
import { INGEST_ENDPOINT, REVIEW_ENDPOINTS } from "../../src/server/api/endpoints.ts";
import { expectDocumented } from "./apiFixture.ts";
import { ACME_ARTICLE } from "../ingest/fixtureExtractor.ts";
import { writeHarness, type WriteHarness } from "../ingest/harness.ts";

/** Every file under the root except the build output, as "path: size" lines (to show that nothing was written). */
function snapshot(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.name === "build") return [];
      return entry.isDirectory() ? walk(full) : [path.relative(root, full)];
    });
  return walk(root).sort();
}

/** The review endpoint documented at `path`. */
const endpoint = (path: string) => REVIEW_ENDPOINTS.find((spec) => spec.path === path)!;

describe("POST /api/documents", () => {
  let h: WriteHarness;
  beforeAll(() => {
    h = writeHarness();
  });
  afterAll(() => h.remove());

  it("adds the article and answers 201 with what was added", async () => {
    const before = h.ctx.served.version;
    const res = await request(h.app)
      .post("/api/documents")
      .send({ title: ACME_ARTICLE.title, text: ACME_ARTICLE.text, date: "2026-01-05", url: "https://example.org/a" });
    expectDocumented(res, INGEST_ENDPOINT, 201);
    expect(res.body.document.id).toMatch(/^001_/);
    expect(res.headers.location).toBe(`/api/documents/${res.body.document.id}`);
    expect(res.body.newEntities).toContain("jane-okafor");
    expect(res.body.mergedEntities).toContainEqual(expect.objectContaining({ entity: "ukraine", rule: "id" }));
    expect(h.ctx.served.version).toBe(before + 1);
    const health = await request(h.app).get("/api/health").expect(200);
    expect(health.body).toMatchObject({ status: "ok", nodes: res.body.graph.nodes, edges: res.body.graph.edges });
    expect(h.data.read(`documents/${res.body.document.id}.meta.yaml`)).toContain("published: 2026-01-05");
  });

  describe("refuses bad input with a clear 4xx and writes nothing", () => {
    const cases: [string, () => request.Test, number, RegExp][] = [
      ["empty text", () => request(h.app).post("/api/documents").send({ title: "T", text: "  \n " }), 400, /empty/],
      ["a missing title", () => request(h.app).post("/api/documents").send({ text: "Some text." }), 400, /title/],
      [
        "a NUL byte",
        () => request(h.app).post("/api/documents").send({ title: "T", text: "a\u0000b" }),
        400,
        /U\+0000/,
      ],
      [
        "binary control characters",
        () => request(h.app).post("/api/documents").send({ title: "T", text: "PK\u0003\u0004" }),
        400,
        /binary/,
      ],
      [
        "mis-decoded bytes",
        () => request(h.app).post("/api/documents").send({ title: "T", text: "caf\uFFFD au lait" }),
        400,
        /UTF-8/,
      ],
      [
        "an unpaired surrogate",
        () =>
          request(h.app)
            .post("/api/documents")
            .set("Content-Type", "application/json")
            .send('{"title":"T","text":"broken \\ud800 pair"}'),
        400,
        /UTF-8/,
      ],
      [
        "text over the size limit",
        () =>
          request(h.app)
            .post("/api/documents")
            .send({ title: "T", text: "word ".repeat(MAX_DOCUMENT_BYTES / 5 + 1) }),
        413,
        /limit is 200000 bytes/,
      ],
      [
        "a bad date",
        () => request(h.app).post("/api/documents").send({ title: "T", text: "x", date: "May 5" }),
        400,
        /date/,
      ],
      [
        "an unknown field",
        () => request(h.app).post("/api/documents").send({ title: "T", text: "x", body: "y" }),
        400,
        /body/,
      ],
      [
        "malformed JSON",
        () => request(h.app).post("/api/documents").set("Content-Type", "application/json").send('{"title": "T",'),
        400,
        /not valid JSON/,
      ],
      [
        "a form post from another site",
        () => request(h.app).post("/api/documents").type("form").send("title=T&text=hello"),
        415,
        /application\/json/,
      ],
      [
        "a text/plain post",
        () => request(h.app).post("/api/documents").set("Content-Type", "text/plain").send("hello"),
        415,
        /application\/json/,
      ],
    ];
    for (const [what, send, status, message] of cases) {
      it(`answers ${status} to ${what}`, async () => {
        // An earlier write's background save (build file, under the write lock) is not this request's doing.
        await h.ctx.writer?.idle();
        const before = snapshot(h.data.root);
        const res = await send().expect(status);
        expect(res.body.error.message).toMatch(message);
        expect(snapshot(h.data.root)).toEqual(before);
      });
    }

    it("answers 409 to the same text twice, naming the stored document", async () => {
      const first = await request(h.app)
        .post("/api/documents")
        .send({ title: "Dup", text: "A unique text." })
        .expect(201);
      await h.ctx.writer?.idle();
      const before = snapshot(h.data.root);
      const res = await request(h.app)
        .post("/api/documents")
        .send({ title: "Dup 2", text: "A unique text." })
        .expect(409);
      expect(res.body.error).toMatchObject({ code: "conflict", document: first.body.document.id });
      expect(snapshot(h.data.root)).toEqual(before);
    });
  });

  it("loses no document when many are posted at once", async () => {
    const texts = Array.from({ length: 8 }, (_, i) => `${ACME_ARTICLE.text}\nConcurrent note number ${i}.`);
    const responses = await Promise.all(
      texts.map((text, i) =>
        request(h.app)
          .post("/api/documents")
          .send({ title: `Parallel ${i}`, text }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(texts.map(() => 201));
    const ids = responses.map((r) => r.body.document.id as string);
    expect(new Set(ids).size).toBe(texts.length);
    const dataset = loadDataset(h.data.root);
    for (const [i, id] of ids.entries()) expect(dataset.documents.get(id)?.text).toBe(texts[i]);
    expect(validateDataset(dataset)).toEqual([]);
    expect(h.ctx.served.graph.getAttribute("documents")?.map((d) => d.id)).toEqual(expect.arrayContaining(ids));
  });
});

describe("POST /api/relations/:id/accept and /reject", () => {
  let h: WriteHarness;
  let candidates: string[];
  beforeAll(async () => {
    h = writeHarness();
    const texts = [0, 1, 2].map((i) => `${ACME_ARTICLE.text}\nEdition ${i}.`);
    candidates = [];
    for (const text of texts) {
      const res = await request(h.app).post("/api/documents").send({ title: "Acme", text }).expect(201);
      candidates.push(...res.body.newRelations);
    }
  });
  afterAll(() => h.remove());

  it("records accept and reject and updates the served graph", async () => {
    const [a, r] = candidates;
    const accepted = await request(h.app).post(`/api/relations/${a}/accept`).send({});
    expectDocumented(accepted, endpoint("/api/relations/{id}/accept"), 200);
    expect(accepted.body).toEqual({
      relation: a,
      decision: "accepted",
      unchanged: false,
    });
    await request(h.app).post(`/api/relations/${r}/reject`).send({}).expect(200);
    expect(h.ctx.served.graph.getEdgeAttribute(a, "status")).toBe("accepted");
    expect(h.ctx.served.graph.hasEdge(r)).toBe(false);
  });

  it("loses no decision when many are posted at once", async () => {
    const rest = candidates.slice(2);
    const results = await Promise.all(
      rest.map((id, i) =>
        request(h.app)
          .post(`/api/relations/${id}/${i % 2 ? "reject" : "accept"}`)
          .send({}),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(rest.map(() => 200));
    const { decisions } = loadDataset(h.data.root);
    rest.forEach((id, i) => expect(decisions.relations[id]?.decision).toBe(i % 2 ? "rejected" : "accepted"));
  });

  it("answers 404 for an unknown relation, 409 for a curated one and 400 for a malformed id", async () => {
    await request(h.app).post("/api/relations/nope/accept").send({}).expect(404);
    const curated = await request(h.app).post("/api/relations/podolyak-negotiates-for-ukraine/reject").send({});
    expect(curated.status).toBe(409);
    expect(curated.body.error.message).toMatch(/curated/);
    await request(h.app).post("/api/relations/..%2F..%2Fetc/accept").send({}).expect(400);
    await request(h.app).post(`/api/relations/${candidates[0]}/accept`).send({ why: 1 }).expect(400);
  });

  it("reverts a merge through POST /api/merges/:id/revert", async () => {
    const id = loadDataset(h.data.root).extracted[0];
    const merged = id.entities.find((e) => e.rule !== "new")!;
    const res = await request(h.app).post(`/api/merges/${id.document}.${merged.key}/revert`).send({});
    expectDocumented(res, endpoint("/api/merges/{id}/revert"), 200);
    expect(h.ctx.served.graph.hasNode(res.body.entity)).toBe(true);
    await request(h.app).post(`/api/merges/${id.document}.e999/revert`).send({}).expect(404);
  });
});
