/**
 * Cross-site writes: a page on another site can make a reader's browser send forms (urlencoded, multipart, text/plain)
 * but not JSON without a CORS preflight. On an open loopback server every such form post to a write endpoint is
 * refused and changes nothing, and no answer grants another origin CORS access.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeHarness, type WriteHarness } from "../ingest/harness.ts";

const EVIL_ORIGIN = "https://evil.example";
const FORM_TYPES = [
  ["application/x-www-form-urlencoded", "title=Forged&text=Forged+article+text."],
  ["multipart/form-data; boundary=b", '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nForged\r\n--b--\r\n'],
  ["text/plain", '{"title":"Forged","text":"Forged article text."}'],
] as const;

/** Every file of the data root (build output aside) with its content, to show that nothing changed. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.name === "build") continue;
      if (entry.isDirectory()) walk(full);
      else files[path.relative(root, full)] = readFileSync(full, "utf8");
    }
  };
  walk(root);
  return files;
}

describe("cross-site writes", () => {
  let h: WriteHarness;
  let relation: string;
  beforeAll(() => {
    h = writeHarness();
    relation = h.ctx.served.graph.edges()[0];
  });
  afterAll(() => h.remove());

  it("refuses every form a foreign page could post, on every write endpoint, and writes nothing", async () => {
    const before = snapshot(h.data.root);
    const version = h.ctx.served.version;
    const endpoints = ["/api/documents", `/api/relations/${relation}/accept`, `/api/relations/${relation}/reject`];
    for (const url of endpoints) {
      for (const [type, body] of FORM_TYPES) {
        const res = await request(h.app).post(url).set("Origin", EVIL_ORIGIN).set("Content-Type", type).send(body);
        expect(res.status, `${type} to ${url}`).toBe(415);
        expect(res.body.error.code).toBe("unsupported_media_type");
      }
    }
    expect(snapshot(h.data.root)).toEqual(before);
    expect(h.ctx.served.version).toBe(version);
  });

  it("grants no CORS access to another origin, so a foreign page cannot send JSON or read answers", async () => {
    const preflight = await request(h.app)
      .options("/api/documents")
      .set("Origin", EVIL_ORIGIN)
      .set("Access-Control-Request-Method", "POST")
      .set("Access-Control-Request-Headers", "content-type");
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    expect(preflight.headers["access-control-allow-headers"]).toBeUndefined();
    const read = await request(h.app).get("/api/health").set("Origin", EVIL_ORIGIN);
    expect(read.headers["access-control-allow-origin"]).toBeUndefined();
  });
});
