/**
 * Browser tests of the web explorer: real Chromium against the real server serving the seed graph.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf/node";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import {
  ARTIFACTS_DIR,
  browserUnavailableReason,
  buildPage,
  collectErrors,
  launchBrowser,
  openExplorer,
} from "./browser.ts";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`tests/web/explorer: skipped — ${unavailable}`);

describe.skipIf(unavailable !== null)("web explorer on the seed graph", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    await buildPage();
    server = await startServer({ port: 0, host: "127.0.0.1", app: { requestLogs: false } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 850 }, acceptDownloads: true });
    page = await context.newPage();
    errors = collectErrors(page);
  });
  afterEach(async () => {
    await context.close();
  });

  it("draws the graph, its legend and counts, and reports ready with no console errors", async () => {
    await openExplorer(page, server.url);
    const graph = server.context.served.graph;
    await expect.poll(() => page.getByTestId("legend").locator("button").count()).toBeGreaterThan(3);
    const personEntry = page.locator('[data-testid="legend"] button[data-type="person"]');
    const persons = graph.filterNodes((_n, a) => a.type === "person").length;
    expect(await personEntry.textContent()).toContain(`Person${persons}`);
    expect(await page.locator("#visible-count").textContent()).toBe(`${graph.order} of ${graph.order} nodes visible`);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "seed-graph.png") });
    expect(errors).toEqual([]);
  });

  it("selects Podolyak from the search and shows his relation to Ukraine with its quote", async () => {
    await openExplorer(page, server.url);
    await page.getByTestId("search-input").fill("podolyak");
    const result = page.getByTestId("search-result").first();
    await expect.poll(() => result.textContent()).toContain("Mykhailo Podolyak");
    await result.click();
    const panel = page.getByTestId("node-panel");
    await panel.waitFor({ state: "visible" });
    expect(await panel.locator("h2").textContent()).toBe("Mykhailo Podolyak");
    const relation = panel.locator(".relation", { has: page.locator(".entity-link", { hasText: /^Ukraine$/ }) });
    expect(await relation.locator(".quote").first().textContent()).toContain("Kyiv’s lead negotiator");
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("node=mykhailo-podolyak");
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "podolyak-selected.png") });
    expect(errors).toEqual([]);
  });

  it("finds accents and aliases: 'podoliak' and 'kyiv' match their entities", async () => {
    await openExplorer(page, server.url);
    const input = page.getByTestId("search-input");
    await input.fill("PODOLIAK");
    await expect.poll(() => page.getByTestId("search-result").first().textContent()).toContain("Mykhailo Podolyak");
    await input.fill("kyïv");
    await expect.poll(() => page.getByTestId("search-result").first().textContent()).toContain("Ukraine");
    await input.press("Enter");
    await expect.poll(() => page.getByTestId("node-panel").locator("h2").textContent()).toBe("Ukraine");
  });

  it("forgives a typo: 'blinkin' offers Antony Blinken, as /api/search does", async () => {
    await openExplorer(page, server.url);
    await page.getByTestId("search-input").fill("blinkin");
    const first = page.getByTestId("search-result").first();
    await expect.poll(() => first.locator(".option-label").textContent()).toBe("Antony Blinken");
    const answer = await page.evaluate(async () => (await fetch("/api/search?q=blinkin&limit=8")).json());
    const offered = await page
      .getByTestId("search-result")
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.entityId));
    expect(offered).toEqual(answer.hits.map((hit: { id: string }) => hit.id));
  });

  it("hides a type from the legend and counts the nodes left", async () => {
    await openExplorer(page, server.url);
    const graph = server.context.served.graph;
    const countries = graph.filterNodes((_n, a) => a.type === "country").length;
    const toggle = page.locator('[data-testid="legend"] button[data-type="country"]');
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    const expected = `${graph.order - countries} of ${graph.order} nodes visible`;
    expect(await page.locator("#visible-count").textContent()).toBe(expected);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("hide=country");
    await toggle.press("Enter");
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
  });

  it("restores selection and filters from a shared link", async () => {
    await openExplorer(page, `${server.url}/#node=ukraine&hide=quantity`);
    expect(await page.getByTestId("node-panel").locator("h2").textContent()).toBe("Ukraine");
    expect(await page.locator('[data-testid="legend"] button[data-type="quantity"]').getAttribute("aria-pressed")).toBe(
      "false",
    );
  });

  it("reaches the search, legend and path finder with the keyboard", async () => {
    await openExplorer(page, server.url);
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        return active?.dataset.testid ?? active?.dataset.type ?? active?.id ?? "";
      });
      reached.add(id);
    }
    for (const id of ["search-input", "layout-toggle", "export-gexf", "person", "path-from", "path-to"]) {
      expect(reached, `Tab should reach ${id}`).toContain(id);
    }
  });

  it("runs and stops ForceAtlas2, then resets to the builder's positions", async () => {
    await openExplorer(page, server.url);
    const toggle = page.locator("#layout-toggle");
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    await page.waitForTimeout(300);
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    await page.locator("#layout-reset").click();
    expect(await page.locator("#status").textContent()).toContain("reset");
    expect(errors).toEqual([]);
  });

  it("downloads the whole graph as GEXF that parses back to the same nodes", async () => {
    await openExplorer(page, server.url);
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 10_000 }),
      page.getByTestId("export-gexf").click(),
    ]);
    const file = path.join(ARTIFACTS_DIR, "export.gexf");
    await download.saveAs(file);
    const parsed = parseGexf(MultiDirectedGraph, readFileSync(file, "utf8"));
    const graph = server.context.served.graph;
    expect(parsed.order).toBe(graph.order);
    expect(parsed.size).toBe(graph.size);
    expect(parsed.hasNode("mykhailo-podolyak")).toBe(true);
  });

  it("shows an edge's evidence, stance, modality and confidence", async () => {
    await openExplorer(page, `${server.url}/#edge=podolyak-negotiates-for-ukraine`);
    const panel = page.getByTestId("node-panel");
    await panel.waitFor({ state: "visible" });
    expect(await panel.locator(".edge-line").textContent()).toBe("Mykhailo Podolyak negotiates for → Ukraine");
    const facts = await panel.locator(".facts").innerText();
    expect(facts).toMatch(/Stance\s+supports/);
    expect(facts).toMatch(/Modality\s+asserted/);
    expect(facts).toMatch(/Confidence\s+0\.97/);
    expect(await panel.locator(".evidence .quote").first().textContent()).toContain("Kyiv’s lead negotiator");
    // The documents stating the relation, each titled and dated as the served graph lists it.
    const [seed] = server.context.served.graph.getAttribute("documents")!;
    expect(facts).toMatch(new RegExp(`Reported\\s+${seed.date}`));
    const support = panel.locator(".support");
    expect(await support.locator("h3").textContent()).toBe("Stated by 1 document");
    expect(await support.locator("li").allTextContents()).toEqual([
      `${seed.title} — ${seed.date} (${seed.dateSource})`,
    ]);
  });

  it("hides a predicate's relations and the nodes they leave without one", async () => {
    await openExplorer(page, server.url);
    const graph = server.context.served.graph;
    await page.locator("#predicate-filter summary").click();
    const box = page.locator('#predicate-list input[data-predicate="negotiates_with"]');
    await box.uncheck();
    const stranded = graph.filterNodes(
      (node) => graph.degree(node) > 0 && graph.everyEdge(node, (_e, a) => a.predicate === "negotiates_with"),
    ).length;
    const expected = `${graph.order - stranded} of ${graph.order} nodes visible`;
    expect(await page.locator("#visible-count").textContent()).toBe(expected);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("hidep=negotiates_with");
  });

  it("downloads only the visible types as GEXF once a type is hidden", async () => {
    await openExplorer(page, server.url);
    await page.locator('[data-testid="legend"] button[data-type="country"]').click();
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 10_000 }),
      page.locator("#export-gexf-visible").click(),
    ]);
    const file = path.join(ARTIFACTS_DIR, "export-visible.gexf");
    await download.saveAs(file);
    const parsed = parseGexf(MultiDirectedGraph, readFileSync(file, "utf8"));
    const graph = server.context.served.graph;
    expect(parsed.order).toBe(graph.filterNodes((_n, a) => a.type !== "country").length);
    expect(parsed.hasNode("ukraine")).toBe(false);
  });

  it("downloads a PNG of the view", async () => {
    await openExplorer(page, server.url);
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 10_000 }),
      page.locator("#export-png").click(),
    ]);
    const file = path.join(ARTIFACTS_DIR, "view.png");
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
  });

  it("highlights and lists a path from Blinken to Podolyak", async () => {
    await openExplorer(page, server.url);
    await page.getByTestId("path-from").fill("Blinken");
    await page.getByTestId("path-to").fill("Podolyak");
    await page.getByTestId("path-submit").click();
    const result = page.getByTestId("path-result");
    await result.locator(".hop").first().waitFor({ timeout: 10_000 });
    const text = await result.textContent();
    expect(text).toContain("Antony Blinken");
    expect(text).toContain("Mykhailo Podolyak");
    const hops = await result.locator(".path.shown .hop").count();
    expect(hops).toBeGreaterThan(0);
    expect(await result.locator(".path.shown .hop-quote").count()).toBeGreaterThanOrEqual(hops);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("from=");
    await page.waitForTimeout(700);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "path-blinken-podolyak.png") });
    expect(errors).toEqual([]);
  });

  it("says plainly when the path finder is given an unknown entity", async () => {
    await openExplorer(page, server.url);
    await page.getByTestId("path-from").fill("Blinken");
    await page.getByTestId("path-to").fill("Nobody Atall");
    await page.getByTestId("path-submit").click();
    const error = page.getByTestId("path-result").locator('[role="alert"]');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.textContent()).toMatch(/Path search failed: .+/);
  });

  it("opens the source document with the quote highlighted", async () => {
    await openExplorer(page, `${server.url}/#node=mykhailo-podolyak`);
    const quote = page.getByTestId("node-panel").locator(".quote").first();
    const quoted = (await quote.textContent())!.replace(/^“|”$/g, "");
    await quote.click();
    const mark = page.getByTestId("node-panel").locator(".document-text mark");
    await mark.waitFor({ timeout: 10_000 });
    expect(await mark.textContent()).toBe(quoted);
  });
});
