/**
 * Security headers: helmet's headers on API answers, errors and the page, and a Content-Security-Policy that lets the
 * page run only its own scripts.
 */
import { rmSync } from "node:fs";
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import { appFor, tinyGraph, tinyWebRoot } from "./fixtures.ts";

const webRoot = tinyWebRoot();
const app = appFor(tinyGraph(), webRoot);
afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

/** `default-src 'self'; script-src 'self'` → { "default-src": ["'self'"], "script-src": ["'self'"] }. */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

const ANSWERS = [
  ["an API answer", "/api/health", 200],
  ["an API error", "/api/nodes/nobody", 404],
  ["an unknown endpoint", "/api/nope", 404],
  ["the page", "/", 200],
  ["a page asset", "/app.js", 200],
] as const;

describe("security headers", () => {
  for (const [what, url, status] of ANSWERS) {
    it(`sends helmet's headers with ${what}`, async () => {
      const res = await request(app).get(url);
      expect(res.status).toBe(status);
      expect(res.headers["content-security-policy"]).toBeDefined();
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(res.headers["cross-origin-resource-policy"]).toBe("same-origin");
      expect(res.headers["x-powered-by"]).toBeUndefined();
    });
  }

  describe("the Content-Security-Policy", () => {
    it("lets scripts come only from the page's own origin: no inline script, no eval, no other host", async () => {
      const csp = directives((await request(app).get("/")).headers["content-security-policy"]);
      expect(csp["script-src"]).toEqual(["'self'"]);
      expect(csp["script-src-attr"]).toEqual(["'none'"]);
      expect(csp["default-src"]).toEqual(["'self'"]);
    });

    it("forbids plugins, foreign base URLs, foreign form targets and framing by other sites", async () => {
      const csp = directives((await request(app).get("/")).headers["content-security-policy"]);
      expect(csp["object-src"]).toEqual(["'none'"]);
      expect(csp["base-uri"]).toEqual(["'self'"]);
      expect(csp["form-action"]).toEqual(["'self'"]);
      expect(csp["frame-ancestors"]).toEqual(["'self'"]);
    });

    it("names no wildcard, no unsafe keyword and no remote scheme in any directive", async () => {
      const csp = directives((await request(app).get("/")).headers["content-security-policy"]);
      const sources = Object.values(csp).flat();
      expect(sources.filter((s) => /unsafe|^\*$|^https?:|^'strict-dynamic'$/.test(s))).toEqual([]);
    });
  });
});
