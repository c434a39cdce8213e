/**
 * Browser tests of the merge list: an added article's names joined to entities of the seed are listed with their
 * rule, kept entity and document; choosing the kept entity selects it in the graph, and "Revert" makes the name an
 * entity of its own — offered only when the server takes the page's writes.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/server/start.ts";
import { ARTIFACTS_DIR, browserUnavailableReason, ingest, openExplorer, writableSuite } from "./browser.ts";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`tests/web/merges: skipped — ${unavailable}`);

/** An article naming seed entities by their labels and short forms, so that resolution merges its names into them. */
const ARTICLE = {
  title: "Blinken meets Zelensky in Kyiv",
  text:
    "Antony Blinken met Volodymyr Zelensky in Kyiv on Tuesday. " +
    "Blinken said the United States would keep supporting Ukraine, and Zelensky thanked him.",
};

describe.skipIf(unavailable !== null)("web explorer: the merge list", () => {
  const suite = writableSuite();
  beforeAll(async () => {
    await ingest(suite.server.url, ARTICLE);
  });

  it("lists the merges, selects a kept entity in the graph, and reverts a merge", async () => {
    const { page, server, errors } = suite;
    const recorded = await (await fetch(`${server.url}/api/merges`)).json();
    const blinken = recorded.merges.find((m: { entity: { id: string } }) => m.entity.id === "antony-blinken");
    expect(blinken).toBeDefined();
    await openExplorer(page, server.url);

    await page.getByTestId("merges-open").click();
    const list = page.getByTestId("merge-list");
    const items = list.getByTestId("merge-item");
    await expect.poll(() => items.count()).toBe(recorded.total);
    expect(await list.locator("h2").textContent()).toBe(`${recorded.total} merged names`);
    const item = list.locator(`[data-merge="${blinken.id}"]`);
    expect(await item.getByTestId("merge-entity").textContent()).toBe("Antony Blinken");
    expect(await item.locator(".merge-line strong").textContent()).toContain(blinken.merged.label);
    expect(await item.locator(".tag").first().textContent()).toMatch(/same id|same name|known alias|short form/);
    expect(await item.locator(".review-doc").textContent()).toBe(ARTICLE.title);

    // Choosing the kept entity selects it: its details open beside the graph.
    await item.getByTestId("merge-entity").click();
    const details = page.getByTestId("node-panel");
    await expect.poll(() => details.isVisible()).toBe(true);
    expect(await details.locator("h2").first().textContent()).toContain("Antony Blinken");
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/node=antony-blinken/);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "merge-list.png") });

    // Revert: the name becomes an entity of its own, in the served graph and in the list.
    await item.getByTestId("merge-revert").click();
    await item.getByTestId("merge-reverted").waitFor();
    expect(server.context.served.graph.hasNode(blinken.id)).toBe(true);
    expect(await item.getByTestId("merge-revert").count()).toBe(0);
    expect(await list.locator("[data-merge-status]").textContent()).toMatch(/^Reverted: /);

    // Escape closes the list and gives the focus back to its button.
    await list.focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => list.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("merges-open");
    expect(errors).toEqual([]);
  });

  it("offers no Revert when the server is read-only", async () => {
    const { page, data, errors } = suite;
    const readOnly = await startServer({
      port: 0,
      host: "127.0.0.1",
      dataRoot: data.root,
      readOnly: true,
      app: { requestLogs: false },
    });
    try {
      await openExplorer(page, readOnly.url);
      await page.getByTestId("merges-open").click();
      const items = page.getByTestId("merge-list").getByTestId("merge-item");
      await items.first().waitFor();
      expect(await items.count()).toBeGreaterThan(0);
      expect(await page.getByTestId("merge-revert").count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await readOnly.close();
    }
  });
});
