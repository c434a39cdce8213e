/**
 * Web build: builds the explorer page with Vite when web/dist is missing or older than its sources, so that
 * `npm install && npm start` is enough to get the page.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { logger } from "../util/logger.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Tunables of {@link ensureWebBuild}. */
export interface WebBuildOptions {
  /** Folder of the page's sources (index.html, main.ts, vite.config.ts). */
  webDir: string;
  /** Folders outside webDir that the page imports from too (the search and response schemas it shares with the server). */
  sharedDirs: string[];
  /** Where the built page goes (what the server serves). */
  outDir: string;
  /** Scratch folder for a build in progress; renamed over outDir when complete, so a half-built page is never served. */
  scratchDir: string;
  /** Build even when the output looks fresh. */
  force: boolean;
  /** Give up on a build that takes longer than this. */
  timeoutMs: number;
}

export const DEFAULT_WEB_BUILD_OPTIONS: WebBuildOptions = {
  webDir: path.join(REPO_ROOT, "web"),
  // The page bundles src/search and the response schemas of src/query/schemas.ts, with what they import.
  sharedDirs: ["search", "query", "model", "paths"].map((dir) => path.join(REPO_ROOT, "src", dir)),
  outDir: path.join(REPO_ROOT, "web", "dist"),
  scratchDir: path.join(REPO_ROOT, "node_modules", ".cache", "web-build"),
  force: false,
  timeoutMs: 120_000,
};

/** What {@link ensureWebBuild} did. */
export type WebBuildOutcome = { type: "fresh" } | { type: "built"; ms: number } | { type: "failed"; message: string };

/** Newest modification time among the page's sources (everything under webDir except the build output). */
function newestSourceTime(dir: string, outDir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (full === outDir || entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const time = entry.isDirectory() ? newestSourceTime(full, outDir) : statSync(full).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

/** True when outDir has no index.html or one older than some source file (in webDir or sharedDirs). */
export function isWebBuildStale(options: Partial<WebBuildOptions> = {}): boolean {
  const { webDir, sharedDirs, outDir } = { ...DEFAULT_WEB_BUILD_OPTIONS, ...options };
  const index = path.join(outDir, "index.html");
  if (!existsSync(index)) return true;
  const newest = Math.max(...[webDir, ...sharedDirs].map((dir) => newestSourceTime(dir, outDir)));
  return newest > statSync(index).mtimeMs;
}

/** Runs `vite build` in a child process (Vite is a build tool: keep it out of the server's heap). */
function runVite(webDir: string, outDir: string, timeoutMs: number): Promise<void> {
  const viteBin = path.join(REPO_ROOT, "node_modules", "vite", "bin", "vite.js");
  if (!existsSync(viteBin)) {
    return Promise.reject(new Error(`vite is not installed (${viteBin} missing); run "npm install"`));
  }
  const args = [viteBin, "build", "--config", path.join(webDir, "vite.config.ts"), "--outDir", outDir, "--emptyOutDir"];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(new Error(`vite build ${signal ? `was stopped (${signal})` : `exited with ${code}`}: ${stderr.trim()}`));
    });
  });
}

/** Moves a finished build into place; when another process got there first, its build is kept and ours dropped. */
function swapInto(built: string, outDir: string): void {
  const old = `${built}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  try {
    renameSync(built, outDir);
  } catch (error) {
    if (!existsSync(path.join(outDir, "index.html"))) throw error;
  } finally {
    rmSync(old, { recursive: true, force: true });
    rmSync(built, { recursive: true, force: true });
  }
}

/** Builds the page when it is missing or stale. Never throws: a failed build is reported and the API still serves. */
export async function ensureWebBuild(options: Partial<WebBuildOptions> = {}): Promise<WebBuildOutcome> {
  const opts = { ...DEFAULT_WEB_BUILD_OPTIONS, ...options };
  if (!opts.force && !isWebBuildStale(opts)) return { type: "fresh" };
  const started = Date.now();
  const scratch = path.join(opts.scratchDir, `dist-${process.pid}-${started}`);
  try {
    mkdirSync(opts.scratchDir, { recursive: true });
    logger.info("web page missing or older than web/; building it with vite");
    await runVite(opts.webDir, scratch, opts.timeoutMs);
    swapInto(scratch, opts.outDir);
    const ms = Date.now() - started;
    logger.info({ ms }, "web page built");
    return { type: "built", ms };
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    const message = `webBuild: cannot build the web page (${(error as Error).message}); the API is served without it. Fix the error, then run "npm run build" or restart.`;
    logger.warn(message);
    return { type: "failed", message };
  }
}
