/**
 * Browser tests of the timeline: the window hides relations reported only outside it, the path finder and the
 * visible GEXF carry it, the URL shares it, play steps its end, and a graph whose documents share one day gets no
 * timeline. The server writes into a throw-away copy of graph-data/ where the seed is dated and two dated articles
 * are added through POST /api/documents.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { PageHook } from "../../web/app/pageHook.ts";
import { SEED_DOC } from "../helpers/tempData.ts";
import {
  ARTIFACTS_DIR,
  browserUnavailableReason,
  ingest,
  openExplorer,
  servePageOn,
  writableSuite,
} from "./browser.ts";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`tests/web/timeline: skipped — ${unavailable}`);

/** Two articles about people and firms the seed does not know, a week and a half apart around the seed's day. */
const EARLY = {
  title: "Orvana Systems to buy Brevik Logistics",
  date: "2024-03-01",
  text:
    "Marta Velasquez, the chief executive of Orvana Systems, met Tomas Lindqvist in Oslo on Monday. " +
    "Lindqvist, the chairman of Brevik Logistics, said Orvana Systems would buy Brevik Logistics.",
};
const LATE = {
  title: "Keltra Foods names a new chairman",
  date: "2024-03-12",
  text:
    "Ines Okafor, the chief executive of Keltra Foods, met Pavel Sorensen in Lisbon on Friday. " +
    "Sorensen, the chairman of Danvik Shipping, said Keltra Foods would buy Danvik Shipping.",
};
const SEED_DAY = "2024-03-05";

type Hooked = { explorer: PageHook };

/** How many relations the page's graph holds now (read through the page hook). */
const relations = (page: Page) => page.evaluate(() => (window as unknown as Hooked).explorer.relations());

/** Whether the page's graph holds relation `key` now. */
const hasRelation = (page: Page, key: string) =>
  page.evaluate((k) => (window as unknown as Hooked).explorer.hasRelation(k), key);

describe.skipIf(unavailable !== null)("web explorer: the timeline", () => {
  const suite = writableSuite(undefined, (data) =>
    data.edit(`documents/${SEED_DOC}.meta.yaml`, (text) => `${text.trimEnd()}\npublished: "${SEED_DAY}"\n`),
  );
  let early: string[];
  let late: string[];
  beforeAll(async () => {
    early = await ingest(suite.server.url, EARLY);
    late = await ingest(suite.server.url, LATE);
  });

  it("hides relations reported only outside the window, and the path finder, GEXF and URL carry it", async () => {
    const { page, server, errors } = suite;
    expect(early.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(0);
    await openExplorer(page, server.url);
    const timeline = page.getByTestId("timeline");
    await expect.poll(() => timeline.isVisible()).toBe(true);
    // One bar per day from the first article's day to the last's.
    expect(await timeline.locator("svg rect").count()).toBe(12);
    const all = await relations(page);
    for (const key of [early[0], late[0]]) expect(await hasRelation(page, key)).toBe(true);

    await page.getByTestId("timeline-since").fill("2024-03-04");
    await page.getByTestId("timeline-until").fill("2024-03-10");
    await expect.poll(() => hasRelation(page, early[0])).toBe(false);
    await expect.poll(() => hasRelation(page, late[0])).toBe(false);
    const windowed = await relations(page);
    expect(windowed).toBeLessThanOrEqual(all - early.length - late.length);
    expect(windowed).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/since=2024-03-04&until=2024-03-10/);
    const gexf = new URL((await page.locator("#export-gexf-visible").getAttribute("href"))!, server.url);
    expect([gexf.searchParams.get("since"), gexf.searchParams.get("until")]).toEqual(["2024-03-04", "2024-03-10"]);

    await page.getByTestId("path-from").fill("Orvana Systems");
    await page.getByTestId("path-to").fill("Brevik Logistics");
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().includes("/api/paths?")),
      page.getByTestId("path-submit").click(),
    ]);
    const asked = new URL(request.url()).searchParams;
    expect([asked.get("since"), asked.get("until")]).toEqual(["2024-03-04", "2024-03-10"]);
    // Both firms are named only by the early article: no path within the window.
    await page.getByTestId("path-result").locator(".no-path").waitFor();

    await timeline.screenshot({ path: path.join(ARTIFACTS_DIR, "timeline.png") });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "timeline-page.png") });
    await page.getByRole("button", { name: "All dates" }).click();
    await expect.poll(() => relations(page)).toBe(all);
    expect(errors).toEqual([]);
  });

  it("opens a shared link at its window, and play steps the window's end through the days until stopped", async () => {
    const { page, server, errors } = suite;
    await openExplorer(page, `${server.url}/#until=2024-03-04`);
    await expect.poll(() => hasRelation(page, early[0])).toBe(true);
    await expect.poll(() => hasRelation(page, late[0])).toBe(false);
    const until = page.getByTestId("timeline-until");
    expect(await until.inputValue()).toBe("2024-03-04");
    const play = page.getByTestId("timeline-play");
    await play.click();
    expect(await play.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => until.inputValue()).toBe(SEED_DAY);
    await play.click();
    expect(await play.getAttribute("aria-pressed")).toBe("false");
    expect(await until.inputValue()).toBe(SEED_DAY);
    // The brush's handles work from the keyboard: one step right moves the start a day.
    await page.locator("#timeline-start").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.getByTestId("timeline-since").inputValue()).toBe("2024-03-02");
    await expect.poll(() => hasRelation(page, early[0])).toBe(false);
    expect(errors).toEqual([]);
  });

  it("gives no timeline, and says why, when every document has the same day", async () => {
    const { page } = suite;
    const graph = {
      attributes: { name: "One day", documents: [{ id: "a", title: "A", date: "2024-03-01", dateSource: "given" }] },
      options: { type: "mixed", multi: true, allowSelfLoops: true },
      nodes: [
        { key: "x", attributes: { label: "X", type: "person" } },
        { key: "y", attributes: { label: "Y", type: "person" } },
      ],
      edges: [{ key: "e", source: "x", target: "y", attributes: { predicate: "knows", label: "knows", evidence: [] } }],
    };
    const served = await servePageOn(graph);
    try {
      await openExplorer(page, served.url);
      await expect
        .poll(() => page.getByTestId("timeline-note").textContent())
        .toMatch(/every document is dated 2024-03-01/);
      expect(await page.getByTestId("timeline").isHidden()).toBe(true);
    } finally {
      // The page's open connections would hold the server's close until they time out.
      await page.close();
      await served.close();
    }
    // It starts a server of its own and loads the page in it: on a loaded 2-core machine (the whole suite running
    // beside software GL) that has taken past the 30 s default once.
  }, 90_000);
});
