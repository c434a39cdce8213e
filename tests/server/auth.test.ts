import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { isLoopbackHost, readTokenFile, writeAccessFor } from "../../src/server/auth.ts";
import { ACME_ARTICLE } from "../ingest/fixtureExtractor.ts";
import { writeHarness, type WriteHarness } from "../ingest/harness.ts";

const TOKEN = "s3cret-token-for-tests-0123456789";
const BODY = { title: ACME_ARTICLE.title, text: ACME_ARTICLE.text };

describe("writeAccessFor", () => {
  const base = { host: "127.0.0.1", readOnly: false, token: null, hasDataRoot: true };

  it("opens writes on loopback without a token", () => {
    expect(writeAccessFor(base)).toEqual({ type: "open" });
    expect(writeAccessFor({ ...base, host: "::1" })).toEqual({ type: "open" });
  });

  it("turns writes off beyond loopback unless a token is set, and says how to enable them", () => {
    const off = writeAccessFor({ ...base, host: "0.0.0.0" });
    expect(off).toMatchObject({ type: "off", reason: expect.stringContaining("KG_TOKEN or --token-file") });
    expect(writeAccessFor({ ...base, host: "0.0.0.0", token: TOKEN })).toEqual({ type: "token", token: TOKEN });
  });

  it("requires the token on loopback too once one is configured", () => {
    expect(writeAccessFor({ ...base, token: TOKEN })).toEqual({ type: "token", token: TOKEN });
  });

  it("turns writes off with --read-only, whatever else is set", () => {
    expect(writeAccessFor({ ...base, token: TOKEN, readOnly: true })).toMatchObject({ type: "off" });
  });

  it("turns writes off when serving a standalone graph file", () => {
    expect(writeAccessFor({ ...base, hasDataRoot: false })).toMatchObject({ type: "off" });
  });
});

describe("isLoopbackHost", () => {
  it("knows loopback addresses from the others", () => {
    expect(["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["0.0.0.0", "::", "192.168.1.2", "example.org", "128.0.0.1"].map(isLoopbackHost)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("readTokenFile", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kg-token-"));

  it("reads the first line of the file", () => {
    writeFileSync(path.join(dir, "ok"), `${TOKEN}\n`);
    expect(readTokenFile(path.join(dir, "ok"))).toBe(TOKEN);
  });

  it("refuses a missing file or a short token, naming the file", () => {
    expect(() => readTokenFile(path.join(dir, "missing"))).toThrow(/token file .*missing/);
    writeFileSync(path.join(dir, "short"), "abc\n");
    expect(() => readTokenFile(path.join(dir, "short"))).toThrow(/shorter than 16 characters/);
  });
});

describe("the write guard", () => {
  describe("with --read-only", () => {
    let h: WriteHarness;
    beforeAll(() => {
      h = writeHarness({ readOnly: true });
    });
    afterAll(() => h.remove());

    it("answers 403 to every write and still serves reads", async () => {
      const ingest = await request(h.app).post("/api/documents").send(BODY).expect(403);
      expect(ingest.body.error.message).toContain("--read-only");
      await request(h.app).post("/api/relations/podolyak-negotiates-for-ukraine/accept").send({}).expect(403);
      await request(h.app).post("/api/merges/x.e1/revert").send({}).expect(403);
      await request(h.app).get("/api/health").expect(200);
    });
  });

  describe("beyond loopback without a token", () => {
    let h: WriteHarness;
    beforeAll(() => {
      h = writeHarness({ host: "0.0.0.0" });
    });
    afterAll(() => h.remove());

    it("answers 403 explaining how to enable writes", async () => {
      const res = await request(h.app).post("/api/documents").send(BODY).expect(403);
      expect(res.body.error.message).toContain("KG_TOKEN");
    });
  });

  describe("beyond loopback with a token", () => {
    let h: WriteHarness;
    beforeAll(() => {
      h = writeHarness({ host: "0.0.0.0", token: TOKEN });
    });
    afterAll(() => h.remove());

    it("answers 401 without the token or with a wrong one, without echoing it", async () => {
      await request(h.app).post("/api/documents").send(BODY).expect(401);
      const wrong = await request(h.app)
        .post("/api/documents")
        .set("Authorization", `Bearer ${TOKEN}x`)
        .send(BODY)
        .expect(401);
      expect(JSON.stringify(wrong.body)).not.toContain(TOKEN);
      await request(h.app).post("/api/documents").set("Authorization", TOKEN).send(BODY).expect(401);
    });

    it("accepts the right bearer token", async () => {
      await request(h.app).post("/api/documents").set("Authorization", `Bearer ${TOKEN}`).send(BODY).expect(201);
    });

    it("still checks the content type after the token", async () => {
      await request(h.app)
        .post("/api/documents")
        .set("Authorization", `Bearer ${TOKEN}`)
        .type("form")
        .send("title=a&text=b")
        .expect(415);
    });

    it("leaves reads open", async () => {
      await request(h.app).get("/api/health").expect(200);
    });
  });
});
