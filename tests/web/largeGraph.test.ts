/**
 * Browser test of the page's large-graph mode (over 20,000 edges: GL lines and point sprites, no edge events, a
 * drawing payload without evidence): a click on a node in the canvas still opens its panel with the evidence quotes.
 */
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS_DIR,
  browserUnavailableReason,
  buildPage,
  collectErrors,
  launchBrowser,
  servePageOn,
  type PageServer,
} from "./browser.ts";
import { entityRecord, graphRecord, relationRecord } from "./fixtureGraph.ts";

const RING = 58;
/** Just over the page's large-graph threshold (LARGE_GRAPH_EDGES in web/main.ts). */
const EDGES = 20_500;
const HUB_LABEL = "Hub entity";
const quoteFor = (i: number) => `The hub works with ring member ${i}.`;

/**
 * A hub with more neighbours than the selection frames (so a search centres the camera on it) on a ring of nodes
 * joined by thousands of parallel relations. Each hub relation carries its own quote.
 */
function largeGraph() {
  const ring = Array.from({ length: RING }, (_, i) => {
    const angle = (2 * Math.PI * i) / RING;
    return entityRecord(`r${i}`, `Ring member ${i}`, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle), size: 4 });
  });
  const edges = ring.map((_, i) => relationRecord(`hub-${i}`, "hub", `r${i}`, quoteFor(i)));
  for (let k = 0; edges.length < EDGES; k++) {
    const source = k % RING;
    const target = (source + 1 + (k % (RING - 1))) % RING;
    edges.push(relationRecord(`e${k}`, `r${source}`, `r${target}`, `Member ${source} backs member ${target}.`));
  }
  return graphRecord([entityRecord("hub", HUB_LABEL, { x: 0, y: 0, size: 20 }), ...ring], edges);
}

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`tests/web/largeGraph: skipped — ${unavailable}`);

describe.skipIf(unavailable !== null)("web explorer on a graph over the large-graph threshold", () => {
  let server: PageServer;
  let browser: Browser;

  beforeAll(async () => {
    await buildPage();
    server = await servePageOn(largeGraph());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens a node clicked in the canvas with its relations and their quotes, fetched on demand", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const errors = collectErrors(page);
      const detailRequests: string[] = [];
      page.on("request", (r) => {
        if (r.url().includes("/api/graph/nodes/")) detailRequests.push(r.url());
      });
      await page.goto(server.url);
      // Drawing 20,000 edges with software GL takes a while on a loaded machine: a generous bound, not a speed check.
      await page.locator('[data-testid="graph"][data-state="ready"]').waitFor({ timeout: 60_000 });
      // The search centres the camera on the hub (it has too many neighbours to frame them all).
      await page.getByTestId("search-input").fill("hub entity");
      await page.getByTestId("search-result").first().click();
      const panel = page.getByTestId("node-panel");
      await expect.poll(() => panel.locator("h2").textContent()).toBe(HUB_LABEL);
      await panel.getByRole("button", { name: "Close the panel" }).click();
      await panel.waitFor({ state: "hidden" });
      await page.waitForTimeout(800); // the camera's 600 ms flight
      detailRequests.length = 0;

      const box = (await page.getByTestId("graph").boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await panel.waitFor({ state: "visible" });
      expect(await panel.locator("h2").textContent()).toBe(HUB_LABEL);
      const relation = panel.locator(".relation", {
        has: page.locator(".entity-link", { hasText: /^Ring member 7$/ }),
      });
      expect(await relation.locator(".quote").first().textContent()).toBe(`“${quoteFor(7)}”`);
      expect(await panel.locator(".relation").count()).toBe(RING);
      expect(detailRequests).toEqual([`${server.url}/api/graph/nodes/hub`]);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "large-graph-hub.png") });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
