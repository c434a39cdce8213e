/**
 * Browser measure: the real server serves a generated graph; headless Chromium times navigation until the graph
 * reports data-state="ready" (median of a few cold loads, each phase read from the page's performance marks), compares
 * fetching and parsing the drawing payload with the full export, then pans and zooms and records the longest frame.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { round, type Row } from "../report.ts";
import { REPO_ROOT, waitForLine } from "../util/child.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The project's Chromium flags (see the working agreement): no sandbox, no GPU, no network chatter. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const READY = '[data-testid="graph"][data-state="ready"]';
/** Cold loads per measure: each in a fresh browser context (empty HTTP cache); the median is reported. */
const LOADS = 3;
/** The page's start-up marks (web/main.ts), in order, and what the time up to each one is spent on. */
const PHASES: [mark: string, what: string][] = [
  ["kg:fetched", "HTML, script and the drawing payload"],
  ["kg:graph", "graph built"],
  ["kg:renderer", "sigma indexed and drew"],
  ["kg:controllers", "controllers"],
  ["kg:ready", "first frame on screen"],
];

/** What else {@link startKgServer} gives the server: environment variables, and a reader of its log (stderr). */
export interface KgServerOptions {
  env: NodeJS.ProcessEnv;
  onLog: ((text: string) => void) | null;
}

/** Starts `kg serve --graph file` (with `extraArgs`) on 127.0.0.1:0 and returns its URL and a stop function. */
export function startKgServer(
  file: string,
  command: "node" | "npm",
  timeoutMs: number,
  extraArgs: string[] = [],
  options: Partial<KgServerOptions> = {},
) {
  return startKgServe(["--graph", file, "--read-only", ...extraArgs], command, timeoutMs, options);
}

/** Starts `kg serve` with `serveArgs` on 127.0.0.1:0; its URL, spawn → "serving" time, stop function and pid. */
export async function startKgServe(
  serveArgs: string[],
  command: "node" | "npm",
  timeoutMs: number,
  options: Partial<KgServerOptions> = {},
) {
  const env = { ...process.env, LOG_LEVEL: "warn", ...options.env };
  const args = [...serveArgs, "--port", "0", "--host", "127.0.0.1"];
  const t0 = performance.now();
  const child =
    command === "npm"
      ? spawn("npm", ["start", "--silent", "--", ...args], {
          cwd: REPO_ROOT,
          detached: true,
          stdio: ["ignore", "pipe", "pipe"],
          env,
        })
      : spawn(process.execPath, [path.join(REPO_ROOT, "bin", "kg.js"), "serve", ...args], {
          cwd: REPO_ROOT,
          detached: true,
          stdio: ["ignore", "pipe", "pipe"],
          env,
        });
  if (options.onLog) child.stderr!.on("data", (data: Buffer) => options.onLog!(data.toString("utf8")));
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
  return { url: service.ready, readyMs, spawnedAt: t0, stop: service.stop, pid: child.pid! };
}

/** One cold load: milliseconds from navigation to ready, and each phase's end in page time. */
export interface Load {
  readyMs: number;
  marks: Record<string, number>;
}

/** Opens the page in a fresh context and times it until ready (giving up after `timeoutMs`). */
export async function coldLoad(
  browser: import("playwright-core").Browser,
  url: string,
  errors: string[],
  timeoutMs = 60_000,
): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    const t0 = performance.now();
    await page.goto(url);
    await page.locator(READY).waitFor({ timeout: timeoutMs });
    const readyMs = performance.now() - t0;
    // Scripts are passed as text: tsx would otherwise inject its own helpers into functions sent to the page.
    const marks = await page.evaluate<Record<string, number>>(
      `Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]))`,
    );
    return { readyMs, marks };
  } finally {
    await context.close();
  }
}

/** Fetch + JSON.parse of `url` inside the page, best of three (ms). */
async function fetchAndParse(page: Page, url: string): Promise<number> {
  return page.evaluate<number>(`(async () => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await (await fetch(${JSON.stringify(url)}, { cache: "no-store" })).json();
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  })()`);
}

/** "HTML, script and the drawing payload 450 ms · graph built 300 ms · …" from one load's marks. */
export function breakdown(load: Load): string {
  let previous = 0;
  const parts: string[] = [];
  for (const [mark, what] of PHASES) {
    const at = load.marks[mark];
    if (at === undefined) continue;
    parts.push(`${what} ${Math.round(at - previous)} ms`);
    previous = at;
  }
  return parts.join(" · ");
}

/** Times the page on `file` (the 10k/50k graph); a row saying why when Chromium is missing. */
export async function measureBrowser(tier: string, file: string): Promise<Row[]> {
  if (!existsSync(CHROMIUM)) {
    return [
      { tier, measure: "page ready in Chromium", value: null, unit: "", note: `skipped: no Chromium at ${CHROMIUM}` },
    ];
  }
  const server = await startKgServer(file, "node", 300_000);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const errors: string[] = [];
    const loads: Load[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser, server.url, errors));
    loads.sort((a, b) => a.readyMs - b.readyMs);
    const median = loads[Math.floor(loads.length / 2)];
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator(READY).waitFor({ timeout: 60_000 });
    const drawMs = await fetchAndParse(page, "/api/graph?view=draw");
    const fullMs = await fetchAndParse(page, "/api/graph");
    const longestFrame = await panAndZoom(page);
    await context.close();
    return [
      {
        tier,
        measure: `page: navigation → data-state=ready (headless Chromium, software GL; median of ${LOADS} cold loads)`,
        value: round(median.readyMs),
        unit: "ms",
        target: "≤ 3,000 ms",
        met: median.readyMs <= 3000,
        note: `${breakdown(median)}; all loads ${loads.map((l) => Math.round(l.readyMs)).join(", ")} ms; ${errors.length} page errors; server ready after ${round(server.readyMs / 1000, 1)} s`,
      },
      {
        tier,
        measure: "page: fetch + parse of the graph payload (in the page, best of 3)",
        value: round(drawMs),
        unit: "ms",
        baseline: "full graphology export (GET /api/graph)",
        baselineValue: round(fullMs),
        ratio: round(fullMs / drawMs, 2),
        note: "view=draw: columns without evidence; the panels fetch evidence on demand",
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
    await browser.close();
    await server.stop();
  }
}

/** Drags across the graph and zooms with the wheel while recording requestAnimationFrame gaps; returns the largest. */
async function panAndZoom(page: Page): Promise<number> {
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
