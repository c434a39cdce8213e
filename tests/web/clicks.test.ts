/**
 * Browser test of clicks on the graph: a quick click on an entity right after a click elsewhere opens its panel
 * (sigma alone takes the two for a double click and only zooms), and a double click on one spot still zooms in.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { PageHook } from "../../web/app/pageHook.ts";
import { browserUnavailableReason, graphSuite } from "./browser.ts";
import { entityRecord, graphRecord, relationRecord } from "./fixtureGraph.ts";

/** Three entities far apart, two of them related. */
function threeEntities() {
  const place = (x: number, y: number) => ({ x, y, size: 8 });
  return graphRecord(
    [
      entityRecord("ada", "Ada Lovelace", place(0, 0)),
      entityRecord("charles", "Charles Babbage", place(400, 0)),
      entityRecord("mary", "Mary Somerville", place(200, 300)),
    ],
    [relationRecord("r1", "ada", "charles", "Ada Lovelace worked with Charles Babbage.")],
  );
}

const hook = (page: Page) => page.evaluate(() => (window as unknown as { explorer: PageHook }).explorer.camera());

/** Page pixels of entity `node`'s centre and of an empty corner of the graph. */
async function spots(page: Page, node: string) {
  const box = (await page.getByTestId("graph").boundingBox())!;
  const nodes = await page.evaluate(() => (window as unknown as { explorer: PageHook }).explorer.drawnNodes());
  const drawn = nodes.find((n) => n.node === node)!;
  return { node: { x: box.x + drawn.x, y: box.y + drawn.y }, empty: { x: box.x + 8, y: box.y + 8 } };
}

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`tests/web/clicks: skipped — ${unavailable}`);

describe.skipIf(unavailable !== null)("web explorer clicks", () => {
  const { onPage } = graphSuite(threeEntities);

  it("opens an entity's panel when it is clicked right after a click on the background", async () => {
    await onPage(async (page) => {
      const { node, empty } = await spots(page, "mary");
      await page.mouse.click(empty.x, empty.y);
      await page.mouse.click(node.x, node.y);
      await expect.poll(() => page.getByTestId("node-panel").locator("h2").textContent()).toBe("Mary Somerville");
      expect((await hook(page)).ratio).toBe(1);
    });
  });

  it("still zooms in on a double click on one spot, opening no panel", async () => {
    await onPage(async (page) => {
      const { empty } = await spots(page, "mary");
      await page.mouse.dblclick(empty.x + 100, empty.y + 100);
      await expect.poll(async () => (await hook(page)).ratio).toBeLessThan(1);
      expect(await page.getByTestId("node-panel").isHidden()).toBe(true);
    });
  });
});
