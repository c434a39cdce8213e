/**
 * Browser tests of small screens: on a phone the graph takes the whole width and the sidebar and the details panel
 * are sheets over it; on a small laptop a panel opens beside a graph that stays usable, with every control in reach.
 */
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS_DIR, browserUnavailableReason, openExplorer, writableSuite } from "./browser.ts";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`tests/web/smallScreens: skipped — ${unavailable}`);

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1024, height: 700 };

/** The element's box, failing the test plainly when it is not rendered. */
async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not rendered`);
  return box;
}

/** True when the whole box lies in the viewport. */
function inside(box: { x: number; y: number; width: number; height: number }, viewport: typeof PHONE): boolean {
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
}

/** Selects an entity from the search, as a reader would. */
async function choose(page: Page, query: string): Promise<void> {
  await page.getByTestId("search-input").fill(query);
  await page.getByTestId("search-result").first().waitFor();
  await page.getByTestId("search-input").press("Enter");
  await page.getByTestId("node-panel").locator(".relations").waitFor();
}

describe.skipIf(unavailable !== null)("web explorer on small screens", () => {
  const suite = writableSuite();

  describe("a phone, 390×844", () => {
    it("draws the graph across the whole width, with the sidebar behind a toggle", async () => {
      const { page, server } = suite;
      await page.setViewportSize(PHONE);
      await openExplorer(page, server.url);
      const graph = await boxOf(page.getByTestId("graph"));
      expect(graph.x).toBe(0);
      expect(graph.width).toBe(PHONE.width);
      const canvas = await boxOf(page.getByTestId("graph").locator("canvas").first());
      expect(canvas.width).toBe(PHONE.width);
      expect(await page.locator("#sidebar").isVisible()).toBe(false);
      // Nothing of the page is wider than the phone (no sideways scrolling of the page itself).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "phone.png") });

      const toggle = page.getByTestId("sidebar-toggle");
      await toggle.click();
      expect(await toggle.getAttribute("aria-expanded")).toBe("true");
      const sidebar = await boxOf(page.locator("#sidebar"));
      expect(inside(sidebar, PHONE)).toBe(true);
      await page.getByTestId("path-from").scrollIntoViewIfNeeded();
      expect(inside(await boxOf(page.getByTestId("path-from")), PHONE)).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "phone-sidebar.png") });
      await page.keyboard.press("Escape");
      expect(await page.locator("#sidebar").isVisible()).toBe(false);
      expect(suite.errors).toEqual([]);
    });

    it("opens the details panel as a readable sheet inside the screen, the graph still in view above it", async () => {
      const { page, server } = suite;
      await page.setViewportSize(PHONE);
      await openExplorer(page, server.url);
      await choose(page, "podolyak");
      const panel = page.getByTestId("node-panel");
      const sheet = await boxOf(panel);
      expect(inside(sheet, PHONE)).toBe(true);
      expect(sheet.width).toBe(PHONE.width);
      // Readable: the text wraps inside the sheet at a size a phone reads.
      expect(await panel.evaluate((p) => p.scrollWidth <= p.clientWidth)).toBe(true);
      const fontSize = await panel
        .locator(".quote")
        .first()
        .evaluate((q) => parseFloat(getComputedStyle(q).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(13);
      // The graph keeps the full width, and some of it shows above the sheet.
      const graph = await boxOf(page.getByTestId("graph"));
      expect(graph.width).toBe(PHONE.width);
      expect(sheet.y - graph.y).toBeGreaterThan(200);
      const close = await boxOf(panel.getByRole("button", { name: "Close the panel" }));
      expect(inside(close, PHONE)).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "phone-panel.png") });
      expect(suite.errors).toEqual([]);
    });
  });

  describe("a small laptop, 1024×700", () => {
    it("keeps the graph beside an open panel, and the controls in reach", async () => {
      const { page, server } = suite;
      await page.setViewportSize(LAPTOP);
      await openExplorer(page, server.url);
      await choose(page, "ukraine");
      const graph = await boxOf(page.getByTestId("graph"));
      const panel = await boxOf(page.getByTestId("node-panel"));
      expect(inside(panel, LAPTOP)).toBe(true);
      // Side by side: the panel starts where the graph ends, and the graph keeps a usable width.
      expect(panel.x).toBeGreaterThanOrEqual(graph.x + graph.width - 1);
      expect(graph.width).toBeGreaterThanOrEqual(400);
      for (const control of ["search-input", "export-gexf", "path-from", "path-submit", "review-open"]) {
        const target = page.getByTestId(control);
        await target.scrollIntoViewIfNeeded();
        expect(inside(await boxOf(target), LAPTOP), `${control} can be brought into view`).toBe(true);
      }
      for (const id of ["layout-toggle", "export-png", "copy-link"]) {
        expect(inside(await boxOf(page.locator(`#${id}`)), LAPTOP), `#${id} is in view`).toBe(true);
      }
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "laptop-panel.png") });
      expect(suite.errors).toEqual([]);
    });
  });
});
