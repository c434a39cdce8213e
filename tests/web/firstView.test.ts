/**
 * Browser tests of the first view: on the seed graph (a few dozen nodes) every entity is named on the canvas, no
 * name covers another or a node, and a searched-for entity's name is painted first.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { PageHook } from "../../web/app/pageHook.ts";
import { ARTIFACTS_DIR, browserUnavailableReason, openExplorer, writableSuite } from "./browser.ts";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`tests/web/firstView: skipped — ${unavailable}`);

type Drawn = ReturnType<PageHook["drawnLabels"]>[number];

/** What the page hook says was drawn in the last frame. */
function readHook(page: Page) {
  return page.evaluate(() => {
    const hook = (window as unknown as { explorer: PageHook }).explorer;
    return { labels: [...hook.drawnLabels()], displayed: hook.displayedLabels(), nodes: hook.drawnNodes() };
  });
}

const overlaps = (a: Drawn, b: { x1: number; y1: number; x2: number; y2: number }) =>
  a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe.skipIf(unavailable !== null)("web explorer, first view", () => {
  const suite = writableSuite({ width: 1440, height: 900 });

  it("names every node of the seed graph at 1440×900, with no name over another or over a node", async () => {
    const { page, server } = suite;
    await openExplorer(page, server.url);
    const graph = server.context.served.graph;
    await expect.poll(async () => (await readHook(page)).labels.length).toBe(graph.order);
    const { labels, displayed, nodes } = await readHook(page);
    expect(labels.map((l) => l.node).sort()).toEqual(graph.nodes().sort());
    expect(displayed.sort()).toEqual(graph.nodes().sort());

    const box = (await page.getByTestId("graph").boundingBox())!;
    for (const label of labels) {
      expect(label.x1, `${label.node} starts inside the graph`).toBeGreaterThanOrEqual(0);
      expect(label.y1, `${label.node} starts inside the graph`).toBeGreaterThanOrEqual(0);
      expect(label.x2, `${label.node} ends inside the graph`).toBeLessThanOrEqual(box.width);
      expect(label.y2, `${label.node} ends inside the graph`).toBeLessThanOrEqual(box.height);
      for (const other of labels) if (other !== label) expect(overlaps(label, other)).toBe(false);
      const covered = nodes.filter((n) =>
        overlaps(label, { x1: n.x - n.size, y1: n.y - n.size, x2: n.x + n.size, y2: n.y + n.size }),
      );
      expect(
        covered.map((n) => n.node),
        `the label of ${label.node} covers no node`,
      ).toEqual([]);
    }
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "first-view.png") });
    expect(suite.errors).toEqual([]);
  });

  it("paints the searched-for entity's name first, whatever its size", async () => {
    const { page, server } = suite;
    await openExplorer(page, server.url);
    await page.getByTestId("search-input").fill("podolyak");
    await page.getByTestId("search-input").press("Enter");
    await expect.poll(async () => (await readHook(page)).labels[0]?.node).toBe("mykhailo-podolyak");
  });
});
