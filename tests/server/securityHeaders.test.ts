/**
 * Security headers: the fixed list the hot routes send is exactly what helmet sets on an Express answer, and
 * configurations that cannot be fixed at start-up are refused with a reason.
 */
import express from "express";
import helmet from "helmet";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { HELMET_OPTIONS, helmetHeaders } from "../../src/server/securityHeaders.ts";

describe("helmetHeaders", () => {
  it("refuses a Content-Security-Policy computed per request, which fixed headers would freeze", () => {
    const nonce = () => "'nonce-abc'";
    expect(() =>
      helmetHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: [nonce] } } }),
    ).toThrow(/securityHeaders: .*computed per request.*give every directive fixed values/);
  });

  it("names helmet's complaint about bad options", () => {
    expect(() => helmetHeaders({ contentSecurityPolicy: { directives: { "bad directive": ["'self'"] } } })).toThrow(
      /securityHeaders: helmet rejected its options: .*fix HELMET_OPTIONS/,
    );
  });

  it("lists every header helmet sets on an Express answer, with the same values", async () => {
    const app = express();
    app.disable("x-powered-by");
    app.use(helmet(HELMET_OPTIONS));
    app.get("/", (_req, res) => void res.json({}));
    const res = await request(app).get("/");
    const fixed = helmetHeaders();
    const fromHelmet = Object.keys(res.headers).filter(
      (name) => !["content-type", "content-length", "etag", "date", "connection", "keep-alive"].includes(name),
    );
    expect(fixed.map(([name]) => name.toLowerCase()).sort()).toEqual(fromHelmet.sort());
    for (const [name, value] of fixed) expect(res.headers[name.toLowerCase()], name).toBe(value);
  });

  it("keeps the page's policy: scripts only from the page's origin, no HSTS on plain HTTP", () => {
    const headers = new Map(helmetHeaders().map(([name, value]) => [name.toLowerCase(), value]));
    expect(headers.get("content-security-policy")).toMatch(/script-src 'self'(;|$)/);
    expect(headers.get("content-security-policy")).not.toMatch(/upgrade-insecure-requests/);
    expect(headers.has("strict-transport-security")).toBe(false);
  });
});
