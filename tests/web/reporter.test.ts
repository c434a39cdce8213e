/**
 * Browser tests of the explorer as a reporter uses it: hedged claims read as such, paths keep to the visible
 * relations, a re-shown path stays drawn, and the review queue takes decisions from the keyboard. The server writes
 * into a throw-away copy of graph-data/ (the review tests accept and reject relations).
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS_DIR, browserUnavailableReason, openExplorer, writableSuite } from "./browser.ts";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`tests/web/reporter: skipped — ${unavailable}`);

/** Fills the path finder and waits for the first path's hops. */
async function findPath(page: Page, from: string, to: string, k = 3): Promise<void> {
  await page.getByTestId("path-from").fill(from);
  await page.getByTestId("path-to").fill(to);
  await page.locator("#path-k").fill(String(k));
  await page.getByTestId("path-submit").click();
  await page.getByTestId("path-result").locator(".path-summary, .no-path, [role=alert]").first().waitFor();
}

/**
 * Dark pixels (edges, arrows and label text) in a screenshot of the graph: what is on screen, not what the DOM says.
 * The PNG is decoded by the page itself (createImageBitmap), so the test needs no image library.
 */
async function darkPixels(page: Page): Promise<number> {
  const png = await page.getByTestId("graph").screenshot();
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext("2d")!;
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 110 && data[i + 1] < 110 && data[i + 2] < 110) dark++;
    return dark;
  }, png.toString("base64"));
}

/** How long a view may take to settle before the test fails. */
const SETTLE_TIMEOUT_MS = 30_000;

/**
 * The dark-pixel count once the view stopped changing (two screenshots in a row agree). Screenshots under software GL
 * on a busy machine take seconds, so the wait is long; it bounds a failure, it times nothing.
 */
async function settledDarkPixels(page: Page): Promise<number> {
  let last = -1;
  let settled = -1;
  await expect
    .poll(
      async () => {
        const now = await darkPixels(page);
        if (now === last) settled = now;
        last = now;
        return settled;
      },
      { timeout: SETTLE_TIMEOUT_MS, interval: 100 },
    )
    .toBeGreaterThanOrEqual(0);
  return settled;
}

/** An article naming people and companies the seed graph does not know: its relations arrive as candidates. */
const ARTICLE = {
  title: "Orvana Systems to buy Brevik Logistics",
  text:
    "Marta Velasquez, the chief executive of Orvana Systems, met Tomas Lindqvist in Oslo on Monday. " +
    "Lindqvist, the chairman of Brevik Logistics, said Orvana Systems would buy Brevik Logistics. " +
    "Velasquez said Orvana Systems would also invest in Nordhavn Freight.",
};

describe.skipIf(unavailable !== null)("web explorer for a reporter", () => {
  const suite = writableSuite();

  describe("hedged claims", () => {
    it("shows a proposed relation as proposed in the path list", async () => {
      const { page, server } = suite;
      await openExplorer(page, server.url);
      await findPath(page, "Israel", "Ukraine", 1);
      const hop = page.locator('[data-testid="path-result"] .path.shown .hop').first();
      expect(await hop.locator(".hop-line").textContent()).toBe(
        "Israel — proposed as a security guarantor for → Ukraine",
      );
      expect(await hop.getAttribute("data-modality")).toBe("proposed");
      expect(await hop.locator(".tag").allTextContents()).toEqual(["proposed", "supports"]);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "path-proposed.png") });
      expect(suite.errors).toEqual([]);
    });

    it("names the proposal in the edge panel", async () => {
      const { page, server } = suite;
      await openExplorer(page, `${server.url}/#edge=israel-guarantor-for-ukraine`);
      const panel = page.getByTestId("node-panel");
      await panel.waitFor({ state: "visible" });
      expect(await panel.locator("h2").textContent()).toBe("proposed as a security guarantor for");
      expect(await panel.locator(".edge-line").textContent()).toBe(
        "Israel proposed as a security guarantor for → Ukraine",
      );
      await expect.poll(() => panel.locator(".facts").innerText()).toMatch(/Modality\s+proposed/);
    });
  });

  describe("paths through the visible graph", () => {
    it("does not use a hidden predicate, and says so", async () => {
      const { page, server } = suite;
      await openExplorer(page, server.url);
      await findPath(page, "Blinken", "Podolyak", 3);
      const result = page.getByTestId("path-result");
      const used = await result
        .locator(".path.shown .hop")
        .evaluateAll((hops) => hops.map((hop) => (hop as HTMLElement).dataset.predicate ?? ""));
      expect(used.length).toBeGreaterThan(0);
      const hidden = used[0];
      expect(await page.getByTestId("path-scope").textContent()).toBe("Through visible relations only.");
      await page.locator("#predicate-filter summary").click();
      await page.locator(`#predicate-list input[data-predicate="${hidden}"]`).uncheck();
      // The shown path is searched again under the new filters.
      await expect.poll(() => page.getByTestId("path-scope").textContent()).toContain("skips the hidden 1 relation");
      await result.locator(".path-summary, .no-path").first().waitFor();
      await expect.poll(() => result.locator(`.hop[data-predicate="${hidden}"]`).count(), { timeout: 10_000 }).toBe(0);
      await page.getByTestId("path-submit").click();
      await result.locator(".path-summary, .no-path").first().waitFor();
      expect(await result.locator(`.hop[data-predicate="${hidden}"]`).count()).toBe(0);
      const hops = await result
        .locator(".hop")
        .evaluateAll((items) => items.map((hop) => (hop as HTMLElement).dataset.predicate));
      expect(hops).not.toContain(hidden);
      expect(suite.errors).toEqual([]);
    });
  });

  describe("re-showing a path", () => {
    it("keeps the path's edges drawn on the canvas", async () => {
      const { page, server } = suite;
      await openExplorer(page, server.url);
      await findPath(page, "Blinken", "Podolyak", 3);
      const shows = page.getByTestId("path-result").getByTestId("path-show");
      expect(await shows.count()).toBeGreaterThan(1);
      const shown = await settledDarkPixels(page);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "path-shown.png") });
      // Path 1 again: the frame does not change.
      await shows.first().click();
      await expect.poll(() => shows.first().getAttribute("aria-pressed")).toBe("true");
      const again = await settledDarkPixels(page);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "path-shown-again.png") });
      expect(again).toBeGreaterThan(shown * 0.9);
      // Another path, then path 1 once more.
      await shows.last().click();
      await settledDarkPixels(page);
      await shows.first().click();
      expect(await settledDarkPixels(page)).toBeGreaterThan(shown * 0.9);
      expect(suite.errors).toEqual([]);
    }, 150_000);
  });

  describe("review queue", () => {
    it("lists the candidates with their quotes, sorts them, and accepts, skips and rejects from the keyboard", async () => {
      const { page, server } = suite;
      const served = () => server.context.served.graph;
      await openExplorer(page, server.url);
      const posted = await page.evaluate(async (article) => {
        const response = await fetch("/api/documents", {
          method: "POST",
          headers: { accept: "application/json", "content-type": "application/json" },
          body: JSON.stringify(article),
        });
        return response.status;
      }, ARTICLE);
      expect(posted).toBe(201);
      const candidates = served().filterEdges((_e, a) => a.status === "candidate").length;
      expect(candidates).toBeGreaterThanOrEqual(3);
      await openExplorer(page, server.url);

      await page.getByTestId("review-open").click();
      const queue = page.getByTestId("review-queue");
      const items = queue.getByTestId("review-item");
      await expect.poll(() => items.count()).toBe(candidates);
      expect(await queue.locator("h2").textContent()).toBe(`${candidates} candidates to review`);
      expect(await items.first().locator(".review-quote").count()).toBeGreaterThan(0);
      expect(await items.first().locator(".tag-candidate").textContent()).toBe("candidate");
      // Focus is on the first item: the keys act on it.
      const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.edge ?? null);
      const current = () => queue.locator('[data-testid="review-item"][aria-current="true"]').getAttribute("data-edge");
      await expect.poll(focused).toBe(await items.first().getAttribute("data-edge"));

      // Sorted by confidence, the doubtful first.
      await queue.getByTestId("review-sort").selectOption("confidence");
      const confidences = await items.evaluateAll((li) => li.map((x) => Number((x as HTMLElement).dataset.confidence)));
      expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "review-queue.png") });
      await items.first().focus();

      // A accepts the current relation.
      const accepted = (await current())!;
      await page.keyboard.press("a");
      await expect.poll(() => items.count()).toBe(candidates - 1);
      expect(served().getEdgeAttribute(accepted, "status")).toBe("accepted");
      expect(await queue.locator(`[data-edge="${accepted}"]`).count()).toBe(0);
      await expect.poll(focused).toBe(await current());

      // S skips to the next one, which R rejects (a rejected relation leaves the graph).
      const skipped = (await current())!;
      await page.keyboard.press("s");
      await expect.poll(current).not.toBe(skipped);
      const rejected = (await current())!;
      await page.keyboard.press("r");
      await expect.poll(() => items.count()).toBe(candidates - 2);
      expect(served().hasEdge(rejected)).toBe(false);
      expect(served().getEdgeAttribute(skipped, "status")).toBe("candidate");
      expect(await queue.locator("h2").textContent()).toBe(
        candidates - 2 === 1 ? "1 candidate to review" : `${candidates - 2} candidates to review`,
      );
      expect(await page.locator("#candidate-count").textContent()).toBe(String(candidates - 2));
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "review-queue-after.png") });

      // Escape closes the queue and gives the focus back to its button.
      await page.keyboard.press("Escape");
      await expect.poll(() => queue.isHidden()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("review-open");
      expect(suite.errors).toEqual([]);
    });
  });
});
