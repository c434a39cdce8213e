/**
 * Web build: the page is rebuilt when missing or older than its sources, atomically, and a failed build is reported
 * without throwing (the API keeps being served).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureWebBuild, isWebBuildStale } from "../../src/server/webBuild.ts";

const TINY_PAGE = "<!doctype html><html><head><title>t</title></head><body><p>tiny</p></body></html>";

describe("server webBuild", () => {
  let dir: string;
  let webDir: string;
  let outDir: string;
  let scratchDir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kg-webbuild-"));
    webDir = path.join(dir, "web");
    outDir = path.join(webDir, "dist");
    scratchDir = path.join(dir, "scratch");
    mkdirSync(webDir);
    writeFileSync(path.join(webDir, "index.html"), TINY_PAGE);
    writeFileSync(
      path.join(webDir, "vite.config.ts"),
      `export default { root: ${JSON.stringify(webDir)}, logLevel: "silent", publicDir: false };\n`,
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe("isWebBuildStale", () => {
    it("is stale when nothing was built", () => {
      expect(isWebBuildStale({ webDir, outDir })).toBe(true);
    });

    it("is fresh when the build is newer than every source, and stale again after a source changes", () => {
      mkdirSync(outDir);
      writeFileSync(path.join(outDir, "index.html"), TINY_PAGE);
      const past = new Date(Date.now() - 60_000);
      utimesSync(path.join(webDir, "index.html"), past, past);
      utimesSync(path.join(webDir, "vite.config.ts"), past, past);
      // The build is dated between the sources and now, so a file written next is newer whatever the clock's grain.
      const built = new Date(Date.now() - 30_000);
      utimesSync(path.join(outDir, "index.html"), built, built);
      expect(isWebBuildStale({ webDir, outDir })).toBe(false);
      mkdirSync(path.join(webDir, "controllers"));
      writeFileSync(path.join(webDir, "controllers", "new.ts"), "export {};\n");
      expect(isWebBuildStale({ webDir, outDir })).toBe(true);
    });
  });

  describe("ensureWebBuild", () => {
    it("builds a missing page into place with vite and leaves no scratch folder behind", async () => {
      const outcome = await ensureWebBuild({ webDir, outDir, scratchDir });
      expect(outcome.type).toBe("built");
      expect(existsSync(path.join(outDir, "index.html"))).toBe(true);
      expect(readdirSync(scratchDir)).toEqual([]);
      expect(await ensureWebBuild({ webDir, outDir, scratchDir })).toEqual({ type: "fresh" });
    });

    it("reports a failed build with vite's reason, keeps the previous page and does not throw", async () => {
      mkdirSync(outDir);
      writeFileSync(path.join(outDir, "index.html"), "previous page");
      writeFileSync(path.join(webDir, "vite.config.ts"), "export default {{ not typescript\n");
      const outcome = await ensureWebBuild({ webDir, outDir, scratchDir, force: true });
      expect(outcome.type).toBe("failed");
      expect(outcome.type === "failed" && outcome.message).toMatch(/^webBuild: cannot build the web page \(vite build/);
      expect(existsSync(path.join(outDir, "index.html"))).toBe(true);
      expect(readdirSync(scratchDir)).toEqual([]);
    });
  });
});
