/**
 * Browser tests of sharing and sources: a copied link brings back k, max hops, the path shown and the camera; Back
 * and Forward move through the page's states; the document view and the documents list say what the graph is built
 * from; the PNG is at least twice the screen, framed with the graph's name and a legend; downloads are named for
 * what they hold.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { PageHook } from "../../web/app/pageHook.ts";
import { ARTIFACTS_DIR, browserUnavailableReason, openExplorer, writableSuite } from "./browser.ts";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`tests/web/sharing: skipped — ${unavailable}`);

const camera = (page: Page) => page.evaluate(() => (window as unknown as { explorer: PageHook }).explorer.camera());

/** The camera once it has stopped moving (the path shown is framed by an animation that a loaded page runs late). */
async function settledCamera(page: Page) {
  let previous = JSON.stringify(await camera(page));
  await expect
    .poll(async () => {
      await page.waitForTimeout(250);
      const now = JSON.stringify(await camera(page));
      const still = now === previous;
      previous = now;
      return still;
    })
    .toBe(true);
  return JSON.parse(previous) as Awaited<ReturnType<typeof camera>>;
}

/** Chooses an entity from the header's search with the keyboard and waits for its panel. */
async function choose(page: Page, query: string, label: string): Promise<void> {
  await page.getByTestId("search-input").fill(query);
  await page.getByTestId("search-result").first().waitFor();
  await page.getByTestId("search-input").press("Enter");
  await expect.poll(() => page.getByTestId("node-panel").locator("h2").textContent()).toBe(label);
}

/** Dark pixels in the rows [from, to) of a PNG, counted by the page itself (createImageBitmap: no image library). */
function darkRows(page: Page, png: Buffer, from: number, to: number): Promise<number> {
  return page.evaluate(
    async ({ base64, from, to }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d")!;
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(0, from, bitmap.width, to - from).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 110 && data[i + 1] < 110 && data[i + 2] < 110) dark++;
      return dark;
    },
    { base64: png.toString("base64"), from, to },
  );
}

describe.skipIf(unavailable !== null)("web explorer, sharing and sources", () => {
  const suite = writableSuite();

  it("restores k, max hops, the path shown and the camera from a copied link", async () => {
    const { page, server } = suite;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await openExplorer(page, server.url);
    await page.getByTestId("path-from").fill("Blinken");
    await page.getByTestId("path-to").fill("Podolyak");
    await page.locator("#path-k").fill("2");
    await page.locator("#path-max-hops").fill("4");
    await page.getByTestId("path-submit").click();
    const shows = page.getByTestId("path-result").getByTestId("path-show");
    await expect.poll(() => shows.count()).toBe(2);
    await shows.nth(1).click();
    await expect.poll(() => shows.nth(1).getAttribute("aria-pressed")).toBe("true");
    const before = await settledCamera(page);
    await page.getByTestId("zoom-in").click();
    // The link takes the camera as it is when copied; wait until the zoom has moved it.
    await expect.poll(async () => (await camera(page)).ratio < before.ratio).toBe(true);
    await page.locator("#copy-link").click();
    await expect.poll(() => page.locator("#status").textContent()).toBe("Link to this view copied");
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain("k=2");
    expect(link).toContain("hops=4");
    const [x, y, ratio] = (new URLSearchParams(new URL(link).hash.slice(1)).get("cam") ?? "").split(",").map(Number);
    expect(ratio).toBeLessThan(before.ratio);

    const other = await page.context().newPage();
    await openExplorer(other, link);
    expect(await other.locator("#path-k").inputValue()).toBe("2");
    expect(await other.locator("#path-max-hops").inputValue()).toBe("4");
    const restored = other.getByTestId("path-result").getByTestId("path-show");
    await expect.poll(() => restored.nth(1).getAttribute("aria-pressed")).toBe("true");
    const hops = (p: Page) => p.getByTestId("path-result").locator(".path.shown .hop-line").allTextContents();
    expect(await hops(other)).toEqual(await hops(page));
    // The restored page moves its camera to the link's (the link keeps four decimals), animating on a slow machine.
    const near = (a: number, b: number) => Math.abs(a - b) < 6e-4;
    await expect
      .poll(async () => {
        const at = await camera(other);
        return near(at.x, x) && near(at.y, y) && near(at.ratio, ratio);
      })
      .toBe(true);
    expect(suite.errors).toEqual([]);
  });

  it("goes Back and Forward through the entities chosen, without leaving the page", async () => {
    const { page, server } = suite;
    await openExplorer(page, server.url);
    const start = page.url();
    await choose(page, "podolyak", "Mykhailo Podolyak");
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("node=mykhailo-podolyak");
    await choose(page, "blinken", "Antony Blinken");
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("node=antony-blinken");
    const panel = page.getByTestId("node-panel");
    await page.goBack();
    await expect.poll(() => panel.locator("h2").textContent()).toBe("Mykhailo Podolyak");
    await page.goBack();
    await expect.poll(() => panel.isHidden()).toBe(true);
    expect(page.url().split("#")[0]).toBe(start.split("#")[0]);
    await page.goForward();
    await expect.poll(() => panel.locator("h2").textContent()).toBe("Mykhailo Podolyak");
    // Still the same page: nothing was loaded again.
    expect(await page.getByTestId("graph").getAttribute("data-state")).toBe("ready");

    // Showing another path is a state of its own too.
    await page.getByTestId("path-from").fill("Blinken");
    await page.getByTestId("path-to").fill("Podolyak");
    await page.getByTestId("path-submit").click();
    const shows = page.getByTestId("path-result").getByTestId("path-show");
    await expect.poll(() => shows.count()).toBeGreaterThan(1);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("from=Blinken");
    await shows.nth(1).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("p=2");
    await page.goBack();
    await expect.poll(() => shows.first().getAttribute("aria-pressed")).toBe("true");
    expect(await page.evaluate(() => location.hash)).not.toContain("p=2");
    expect(suite.errors).toEqual([]);
  });

  it("shows a document's title, author, outlet, date and kind, and lists the documents the graph is built from", async () => {
    const { page, server } = suite;
    await openExplorer(page, `${server.url}/#node=mykhailo-podolyak`);
    const panel = page.getByTestId("node-panel");
    await panel.locator(".quote").first().click();
    const meta = panel.getByTestId("doc-meta");
    await meta.waitFor();
    const doc = server.context.served.graph.getAttribute("documents") as { id: string }[];
    const stored = (await (await fetch(`${server.url}/api/documents/${doc[0].id}`)).json()).meta;
    const text = (await meta.innerText()).replace(/\s+/g, " ");
    expect(text).toContain(`Title ${stored.title}`);
    expect(text).toContain(`Author ${stored.author}`);
    expect(text).toContain(`Outlet ${stored.outlet}`);
    expect(text).toContain(`Kind ${stored.genre}`);
    if (stored.published) expect(text).toContain(`Date ${stored.published}`);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "document-view.png") });

    const listed = page.getByTestId("document-list").locator(".document-link");
    await expect.poll(() => listed.count()).toBe(doc.length);
    expect(await page.locator("#document-count").textContent()).toMatch(/^Built from \d+ documents?:$/);
    await page.keyboard.press("Escape");
    await listed.first().click();
    await expect.poll(() => meta.isVisible()).toBe(true);
    expect(await panel.getByTestId("document-view").locator("mark").count()).toBe(0);
    expect(suite.errors).toEqual([]);
  });

  it("downloads a PNG twice the screen's size with the graph's name and a legend, named for the view", async () => {
    const { page, server } = suite;
    await openExplorer(page, server.url);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-png").click()]);
    const name = server.context.served.graph.getAttribute("name") as string;
    expect(download.suggestedFilename()).toBe(`${name.toLowerCase().replace(/\s+/g, "-")}-view.png`);
    const file = path.join(ARTIFACTS_DIR, "export-view.png");
    await download.saveAs(file);
    const png = readFileSync(file);
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    const stage = (await page.getByTestId("graph").boundingBox())!;
    expect(width).toBeGreaterThanOrEqual(2 * stage.width);
    // The graph at twice its size, plus a band above (the name) and one below (the legend), each with something drawn.
    expect(height).toBeGreaterThan(2 * stage.height + 100);
    expect(await darkRows(page, png, 0, 120)).toBeGreaterThan(100);
    expect(await darkRows(page, png, height - 90, height)).toBeGreaterThan(100);
    expect(suite.errors).toEqual([]);
  });

  it("names the GEXF downloads for what they hold", async () => {
    const { page, server } = suite;
    await openExplorer(page, server.url);
    const save = async (selector: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator(selector).click()]);
      return download.suggestedFilename();
    };
    expect(await save("#export-gexf")).toBe("evidence-graph.gexf");
    await page.locator('[data-testid="legend"] button[data-type="country"]').click();
    expect(await save("#export-gexf-visible")).toBe("evidence-graph-without-country.gexf");
    await page.locator("#predicate-filter summary").click();
    await page.locator('#predicate-list input[data-predicate="negotiates_with"]').uncheck();
    expect(await save("#export-gexf-visible")).toBe("evidence-graph-without-country-negotiates-with.gexf");
  });
});
