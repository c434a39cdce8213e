/**
 * Browser measure: the real server serves a generated graph; headless Chromium times navigation until the graph
 * reports data-state="ready", then pans and zooms and records the longest frame.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { round, type Row } from "../report.ts";
import { REPO_ROOT, waitForLine } from "../util/child.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The project's Chromium flags (see the working agreement): no sandbox, no GPU, no network chatter. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const READY = '[data-testid="graph"][data-state="ready"]';

/** Starts `kg serve --graph file` on 127.0.0.1:0 and returns its URL and a stop function. */
export async function startKgServer(file: string, command: "node" | "npm", timeoutMs: number) {
  const args = ["--graph", file, "--port", "0", "--host", "127.0.0.1", "--read-only"];
  const t0 = performance.now();
  const child =
    command === "npm"
      ? spawn("npm", ["start", "--silent", "--", ...args], {
          cwd: REPO_ROOT,
          detached: true,
          stdio: ["ignore", "pipe", "pipe"],
          env: { ...process.env, LOG_LEVEL: "warn" },
        })
      : spawn(process.execPath, [path.join(REPO_ROOT, "bin", "kg.js"), "serve", ...args], {
          cwd: REPO_ROOT,
          detached: true,
          stdio: ["ignore", "pipe", "pipe"],
          env: { ...process.env, LOG_LEVEL: "warn" },
        });
  // The server runs in its own process group (npm start spawns node under a shell): signal the whole group we made.
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      child.kill(signal);
    }
  };
  const service = await waitForLine(child, timeoutMs, (line) => /serving .* at (http:\/\/\S+)/.exec(line)?.[1], kill);
  const readyMs = performance.now() - t0;
  return { url: service.ready, readyMs, stop: service.stop, pid: child.pid! };
}

/** Times the page on `file` (the 10k/50k graph); a row saying why when Chromium is missing. */
export async function measureBrowser(tier: string, file: string): Promise<Row[]> {
  if (!existsSync(CHROMIUM)) {
    return [
      { tier, measure: "page ready in Chromium", value: null, unit: "", note: `skipped: no Chromium at ${CHROMIUM}` },
    ];
  }
  const server = await startKgServer(file, "node", 300_000);
  const profile = mkdtempSync(path.join(os.tmpdir(), "kg-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const t0 = performance.now();
    await page.goto(server.url);
    await page.locator(READY).waitFor({ timeout: 60_000 });
    const readyMs = performance.now() - t0;
    const longestFrame = await panAndZoom(page);
    return [
      {
        tier,
        measure: "page: navigation → data-state=ready (headless Chromium)",
        value: round(readyMs),
        unit: "ms",
        target: "≤ 3,000 ms",
        met: readyMs <= 3000,
        note: `${errors.length} page errors; server ready after ${round(server.readyMs / 1000, 1)} s`,
      },
      {
        tier,
        measure: "page: longest frame while panning and zooming",
        value: round(longestFrame),
        unit: "ms",
        note: "software rendering (--disable-gpu), rAF gaps over ~1.5 s of drag and wheel",
      },
    ];
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.stop();
  }
}

/** Drags across the graph and zooms with the wheel while recording requestAnimationFrame gaps; returns the largest. */
async function panAndZoom(page: import("playwright-core").Page): Promise<number> {
  const box = await page.locator('[data-testid="graph"]').boundingBox();
  if (!box) return NaN;
  // Scripts are passed as text: tsx would otherwise inject its own helpers into functions sent to the page.
  await page.evaluate(`(() => {
    window.__gaps = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (now) => {
      window.__gaps.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) {
    await page.mouse.move(cx + i * 10, cy + i * 5);
    await page.waitForTimeout(25);
  }
  await page.mouse.up();
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, i < 5 ? -200 : 200);
    await page.waitForTimeout(50);
  }
  return page.evaluate<number>("(() => { window.__stop = true; return Math.max(...window.__gaps.slice(1)); })()");
}
