/**
 * Browser tests of the explorer from the keyboard alone: the search hands the focus to the panel, Escape closes the
 * panel wherever the focus is, a quote opens its document with the focus in it, the zoom buttons move the camera, and
 * Tab reaches every control.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { PageHook } from "../../web/app/pageHook.ts";
import { browserUnavailableReason, openExplorer, writableSuite } from "./browser.ts";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`tests/web/keyboard: skipped — ${unavailable}`);

/** The focused element's data-testid, else its id, else its tag name. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active?.dataset.testid ?? (active?.id || active?.tagName.toLowerCase() || "");
  });

/** The camera as the page hook reads it. */
const camera = (page: Page) => page.evaluate(() => (window as unknown as { explorer: PageHook }).explorer.camera());

/** Presses Tab until `testId` has the focus; fails after `limit` presses. */
async function tabTo(page: Page, testId: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if ((await focused(page)) === testId) return;
  }
  throw new Error(`Tab did not reach ${testId} in ${limit} presses`);
}

describe.skipIf(unavailable !== null)("web explorer from the keyboard", () => {
  const suite = writableSuite();

  it("moves the focus to the panel when a search result is chosen, and back to the search on Escape", async () => {
    const { page, server } = suite;
    await openExplorer(page, server.url);
    await tabTo(page, "search-input");
    await page.keyboard.type("podolyak");
    await page.getByTestId("search-result").first().waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    const panel = page.getByTestId("node-panel");
    await expect.poll(() => panel.locator("h2").textContent()).toBe("Mykhailo Podolyak");
    expect(await focused(page)).toBe("node-panel");
    // The details arrive after the panel opened: the focus stays in the panel.
    await panel.locator(".relations").waitFor();
    expect(await focused(page)).toBe("node-panel");
    await page.keyboard.press("Escape");
    await expect.poll(() => panel.isHidden()).toBe(true);
    expect(await focused(page)).toBe("search-input");
    expect(suite.errors).toEqual([]);
  });

  it("closes the panel on Escape wherever the focus is, after a suggestion list has been closed first", async () => {
    const { page, server } = suite;
    const panel = page.getByTestId("node-panel");
    await openExplorer(page, `${server.url}/#node=ukraine`);
    await panel.waitFor({ state: "visible" });
    // In the sidebar.
    await page.locator('[data-testid="legend"] button[data-type="person"]').focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => panel.isHidden()).toBe(true);

    // A new page load: going to the same page with another hash would not load it again.
    await page.goto("about:blank");
    await openExplorer(page, `${server.url}/#node=ukraine`);
    await panel.waitFor({ state: "visible" });
    // In a field with its suggestions open: the first Escape closes the suggestions, the second the panel.
    await page.getByTestId("path-from").focus();
    await page.keyboard.type("rus");
    await page.locator("#path-from-results").waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
    expect(await page.locator("#path-from-results").isHidden()).toBe(true);
    expect(await panel.isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => panel.isHidden()).toBe(true);
    expect(suite.errors).toEqual([]);
  });

  it("opens a quote's document with the focus in it, and a relation's own panel, from the keyboard", async () => {
    const { page, server } = suite;
    await openExplorer(page, `${server.url}/#node=mykhailo-podolyak`);
    const panel = page.getByTestId("node-panel");
    const details = panel.locator(".relation-open").first();
    await details.waitFor();
    await details.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => panel.getAttribute("data-view")).toBe("edge");
    await panel.locator(".evidence .quote").first().focus();
    await page.keyboard.press("Enter");
    await panel.getByTestId("document-view").locator("mark").waitFor();
    expect(await focused(page)).toBe("document-view");
    expect(suite.errors).toEqual([]);
  });

  it("zooms in, out and back to the whole graph with the zoom buttons", async () => {
    const { page, server } = suite;
    await openExplorer(page, server.url);
    const start = await camera(page);
    await tabTo(page, "zoom-in");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await camera(page)).ratio).toBeCloseTo(start.ratio / 1.5, 5);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("zoom-out");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await camera(page)).ratio).toBeCloseTo(start.ratio, 5);
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await camera(page)).ratio).toBeCloseTo(start.ratio * 1.5, 5);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("zoom-fit");
    await page.keyboard.press("Enter");
    await expect.poll(() => camera(page)).toMatchObject({ x: 0.5, y: 0.5, ratio: 1 });
    expect(suite.errors).toEqual([]);
  });

  it("reaches every control of the page with Tab", async () => {
    const { page, server } = suite;
    await openExplorer(page, server.url);
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      reached.add(await focused(page));
    }
    const controls = [
      ...["search-input", "layout-toggle", "layout-noverlap", "layout-reset", "export-gexf", "export-gexf-visible"],
      ...["export-png", "copy-link", "show-candidates", "review-open", "add-article-open", "path-from", "path-to"],
      ...["path-k", "path-max-hops", "path-predicates", "path-submit", "path-clear", "zoom-in", "zoom-out", "zoom-fit"],
    ];
    for (const control of controls) expect(reached, `Tab reaches ${control}`).toContain(control);
  });
});
