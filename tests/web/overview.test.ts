/**
 * Browser test of a graph past the full-drawing limit (set low here, so the graph stays small): the page opens on
 * the overview of its communities with a notice, a click on a group draws its entities, and the search and the path
 * finder reach entities the overview does not draw.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { PageHook } from "../../web/app/pageHook.ts";
import { ARTIFACTS_DIR, browserUnavailableReason, graphSuite } from "./browser.ts";
import { entityRecord, graphRecord, relationRecord } from "./fixtureGraph.ts";

const GROUPS = 5;
const PER_GROUP = 12;
/** The server draws at most this many entities in full: the graph (60) opens on its overview. */
const FULL_DRAW_NODES = 20;

/** Entity `i` of community `c`: its key and label. */
const key = (c: number, i: number) => `e${c}-${i}`;
const label = (c: number, i: number) => `Member ${i} of circle ${c}`;

/**
 * Five communities of twelve entities laid out as five clusters: each a ring whose first member is joined to all
 * the others, and each community's member 1 joined to the next community's member 2, so paths cross groups.
 */
function clusteredGraph() {
  const nodes = [];
  const edges = [];
  for (let c = 0; c < GROUPS; c++) {
    const [cx, cy] = [400 * Math.cos((2 * Math.PI * c) / GROUPS), 400 * Math.sin((2 * Math.PI * c) / GROUPS)];
    for (let i = 0; i < PER_GROUP; i++) {
      const angle = (2 * Math.PI * i) / PER_GROUP;
      const place = { x: cx + 60 * Math.cos(angle), y: cy + 60 * Math.sin(angle), size: 4 };
      nodes.push(entityRecord(key(c, i), label(c, i), place, c));
      if (i > 0) edges.push(relation(`k${c}-${i}`, key(c, 0), key(c, i)));
    }
    edges.push(relation(`bridge${c}`, key(c, 1), key((c + 1) % GROUPS, 2)));
  }
  return graphRecord(nodes, edges);
}

const relation = (edgeKey: string, source: string, target: string) =>
  relationRecord(edgeKey, source, target, `${source} works with ${target}.`);

/** The nodes drawn now, with their centres in page pixels. */
async function drawnNodes(page: Page) {
  const box = (await page.getByTestId("graph").boundingBox())!;
  const nodes = await page.evaluate(() => (window as unknown as { explorer: PageHook }).explorer.drawnNodes());
  return nodes.map((n) => ({ ...n, x: n.x + box.x, y: n.y + box.y }));
}

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`tests/web/overview: skipped — ${unavailable}`);

describe.skipIf(unavailable !== null)("web explorer on a graph past the full-drawing limit", () => {
  const { onPage } = graphSuite(clusteredGraph, { draw: { fullDrawNodes: FULL_DRAW_NODES } });

  // The file's first page pays the browser's cold start (bundle, software WebGL), slow on a loaded machine.
  it("opens on one node per community with a notice, and a click on a group draws its entities", async () => {
    await onPage(async (page) => {
      const notice = page.getByTestId("overview-notice");
      await expect.poll(() => notice.textContent()).toMatch(/^Overview of 60 entities and 60 relations in 5 groups;/);
      expect(await notice.textContent()).toContain("click a group to expand it");
      const groups = await drawnNodes(page);
      expect(groups.map((n) => n.node).sort()).toEqual([0, 1, 2, 3, 4].map((c) => `group:${c}`));
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "overview.png") });

      const group = groups.find((n) => n.node === "group:3")!;
      await page.mouse.click(group.x, group.y);
      await expect.poll(async () => (await drawnNodes(page)).length).toBe(GROUPS - 1 + PER_GROUP);
      const drawn = (await drawnNodes(page)).map((n) => n.node);
      expect(drawn).not.toContain("group:3");
      for (let i = 0; i < PER_GROUP; i++) expect(drawn).toContain(key(3, i));
      // The bridge into community 3 is now a relation; the one out of it still an aggregate edge to group 4.
      expect(
        await page.evaluate(() => (window as unknown as { explorer: PageHook }).explorer.hasRelation("bridge2")),
      ).toBe(false);
      expect(await notice.textContent()).toContain("1 group expanded.");
      // Clicking an entity of the expanded group opens its panel, with the relation's quote fetched on demand.
      const hub = (await drawnNodes(page)).find((n) => n.node === key(3, 0))!;
      // One click, though the click on the group came a moment before (see web/app/clicks.ts).
      await page.mouse.click(hub.x, hub.y);
      const panel = page.getByTestId("node-panel");
      await expect.poll(() => panel.locator("h2").textContent()).toBe(label(3, 0));
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "overview-expanded.png") });
    });
  }, 90_000);

  it("finds an entity the overview does not draw, then draws and selects it with its neighbours", async () => {
    await onPage(async (page) => {
      await page.getByTestId("search-input").fill("member 5 of circle 1");
      const hit = page.getByTestId("search-result").first();
      await expect.poll(() => hit.getAttribute("data-entity-id")).toBe(key(1, 5));
      await hit.click();
      const panel = page.getByTestId("node-panel");
      await expect.poll(() => panel.locator("h2").textContent()).toBe(label(1, 5));
      const drawn = (await drawnNodes(page)).map((n) => n.node);
      expect(drawn).toContain(key(1, 5));
      // Its one neighbour, the hub of its community, is drawn with it; the rest of its group is not.
      expect(drawn).toContain(key(1, 0));
      expect(drawn).not.toContain(key(1, 6));
      expect(
        await page.evaluate(() => (window as unknown as { explorer: PageHook }).explorer.hasRelation("k1-5")),
      ).toBe(true);
    });
  });

  it("opens a shared link's entity the overview does not draw, selected", async () => {
    await onPage(
      async (page) => {
        const panel = page.getByTestId("node-panel");
        await expect.poll(() => panel.locator("h2").textContent()).toBe(label(2, 9));
        expect((await drawnNodes(page)).map((n) => n.node)).toContain(key(2, 9));
      },
      `#node=${key(2, 9)}`,
    );
  });

  it("shows a path between entities of two groups, drawing the path's entities", async () => {
    await onPage(async (page) => {
      for (const [input, text, id] of [
        ["path-from", "member 4 of circle 0", key(0, 4)],
        ["path-to", "member 7 of circle 1", key(1, 7)],
      ]) {
        await page.locator(`#${input}`).fill(text);
        const option = page.locator(`#${input}-results [data-entity-id="${id}"]`);
        await option.waitFor();
        await option.dispatchEvent("mousedown");
      }
      await page.locator("#path-form").evaluate((form: HTMLFormElement) => form.requestSubmit());
      await expect.poll(() => page.getByTestId("path-result").textContent()).toContain("1 path found.");
      // e0-4 → e0-0 → e0-1 → e1-2 → e1-0 → e1-7: every entity and relation of the path is drawn.
      const drawn = (await drawnNodes(page)).map((n) => n.node);
      for (const node of [key(0, 4), key(0, 0), key(0, 1), key(1, 2), key(1, 0), key(1, 7)])
        expect(drawn).toContain(node);
      for (const edge of ["k0-4", "k0-1", "bridge0", "k1-2", "k1-7"]) {
        expect(
          await page.evaluate((e) => (window as unknown as { explorer: PageHook }).explorer.hasRelation(e), edge),
        ).toBe(true);
      }
    });
  });
});
