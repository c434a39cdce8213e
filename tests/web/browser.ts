/**
 * Test helper: one headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) and a built page.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { startServer, type RunningServer, type ServeOptions } from "../../src/server/start.ts";
import { ensureWebBuild } from "../../src/server/webBuild.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";

/** Where Chromium lives; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Screenshots and downloads of the browser tests (ignored by git). */
export const ARTIFACTS_DIR = path.resolve("artifacts", "web");

/** The flags the project launches Chromium with: no sandbox (containers), no GPU, no network chatter. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Why the browser suites cannot run here, or null when they can. */
export function browserUnavailableReason(): string | null {
  if (!existsSync(CHROMIUM_PATH)) {
    return `Chromium not found at ${CHROMIUM_PATH}; install it with "apt-get install -y chromium" (or set CHROMIUM_PATH) to run the browser tests`;
  }
  return null;
}

/** Launches headless Chromium (playwright gives each context a fresh profile). */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Builds web/dist when missing or stale; throws with vite's message when the build fails. */
export async function buildPage(): Promise<void> {
  const outcome = await ensureWebBuild();
  if (outcome.type === "failed") throw new Error(outcome.message);
}

/** Collects the page's console errors and uncaught exceptions, for "no console errors" checks. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Opens `url` and waits until the graph reports data-state="ready". */
export async function openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-testid="graph"][data-state="ready"]').waitFor({ timeout: 15_000 });
}

/** A server on 127.0.0.1 serving one graph file, and how to stop it and remove the file. */
export interface PageServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves `graph` (a graphology JSON export) from a throw-away file, with the built page; `options` add to the server's. */
export async function servePageOn(graph: object, options: Partial<ServeOptions> = {}): Promise<PageServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kg-web-"));
  try {
    const graphFile = path.join(dir, "graph.json");
    writeFileSync(graphFile, JSON.stringify(graph));
    const server = await startServer({
      ...options,
      port: 0,
      host: "127.0.0.1",
      graphFile,
      app: { requestLogs: false },
    });
    return {
      url: server.url,
      close: async () => {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** What a browser suite on a made-up graph shares: pages opened on the server that serves it. */
export interface GraphSuite {
  /**
   * Opens the page (at `hash`) in a fresh context, waits until the graph is drawn, runs `test` on it and checks that
   * the page logged no error.
   */
  onPage(test: (page: Page) => Promise<void>, hash?: string): Promise<void>;
}

/**
 * Registers the hooks of a browser suite on `graph` (a graphology JSON export, served with `options`): one server
 * and one browser for the suite, a fresh context at `viewport` for each page.
 */
export function graphSuite(
  graph: () => object,
  options: Partial<ServeOptions> = {},
  viewport = { width: 1280, height: 800 },
): GraphSuite {
  let server: PageServer;
  let browser: Browser;
  beforeAll(async () => {
    await buildPage();
    server = await servePageOn(graph(), options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    async onPage(test, hash = "") {
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        const errors = collectErrors(page);
        await page.goto(`${server.url}/${hash}`);
        await page.locator('[data-testid="graph"][data-state="ready"]').waitFor({ timeout: 30_000 });
        await test(page);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  };
}

/** Adds an article through the write API of the server at `url`; returns the keys of the relations it brought in. */
export async function ingest(url: string, article: object): Promise<string[]> {
  const response = await fetch(`${url}/api/documents`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(article),
  });
  const body = (await response.json()) as { newRelations?: string[]; error?: { message: string } };
  if (!response.ok) throw new Error(`ingest failed: ${body.error?.message ?? response.status}`);
  return body.newRelations ?? [];
}

/** What a browser suite on a writable copy of graph-data/ shares: read its fields inside tests, not at collection. */
export interface WritableSuite {
  server: RunningServer;
  data: TempData;
  page: Page;
  /** The page's console errors and uncaught exceptions so far. */
  errors: string[];
}

/**
 * Registers the hooks of a browser suite whose server writes into a throw-away copy of graph-data/: one server and
 * one browser for the suite, a fresh context (profile) and page per test at `viewport`; `prepare` edits the copy
 * before the server reads it.
 */
export function writableSuite(
  viewport = { width: 1400, height: 850 },
  prepare: (data: TempData) => void = () => undefined,
): WritableSuite {
  const suite = {} as WritableSuite;
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    await buildPage();
    suite.data = makeTempData();
    prepare(suite.data);
    const app = { requestLogs: false };
    suite.server = await startServer({ port: 0, host: "127.0.0.1", dataRoot: suite.data.root, app });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await suite.server?.close();
    suite.data?.remove();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport });
    suite.page = await context.newPage();
    suite.errors = collectErrors(suite.page);
  });
  afterEach(async () => {
    await context.close();
  });
  return suite;
}
