/**
 * Browser test of the minimum support beside the timeline: over a corpus where a second document restates two of the
 * seed's relations (support 2) and every other relation has one source, "at least 2 sources" hides the single-source
 * relations, the path finder walks only the two left, and the visible GEXF and the shared link carry the choice.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import type { PageHook } from "../../web/app/pageHook.ts";
import type { TempData } from "../helpers/tempData.ts";
import { SEED_RELATIONS } from "../helpers/tempData.ts";
import { ARTIFACTS_DIR, browserUnavailableReason, openExplorer, writableSuite } from "./browser.ts";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`tests/web/support: skipped — ${unavailable}`);

/** The second document and the seed relations it restates (Podolyak negotiates for Ukraine, and with Russia). */
const SECOND = "001_restatement";
const RESTATED = ["podolyak-negotiates-for-ukraine", "podolyak-negotiates-with-russia"];

/** Adds the second document, and its quotes as evidence to the restated relations (verbatim, at their offsets). */
function addRestatement(data: TempData): void {
  const file = parse(data.read(SEED_RELATIONS)) as {
    relations: { id: string; evidence: { doc: string; quote: string; start: number; end: number }[] }[];
  };
  const restated = file.relations.filter((r) => RESTATED.includes(r.id));
  const text = `A second report. ${restated.map((r) => r.evidence[0].quote).join(" … ")}`;
  for (const relation of restated) {
    const { quote } = relation.evidence[0];
    const start = text.indexOf(quote);
    relation.evidence.push({ doc: SECOND, quote, start, end: start + quote.length });
  }
  data.write(`documents/${SECOND}.txt`, text);
  data.write(`documents/${SECOND}.meta.yaml`, stringify({ id: SECOND, title: "A second report" }));
  data.write(SEED_RELATIONS, stringify(file));
}

type Hooked = { explorer: PageHook };

/** How many relations the page's graph holds now. */
const relations = (page: Page) => page.evaluate(() => (window as unknown as Hooked).explorer.relations());

/** Whether the page's graph holds relation `key` now. */
const hasRelation = (page: Page, key: string) =>
  page.evaluate((k) => (window as unknown as Hooked).explorer.hasRelation(k), key);

/** Asks the path finder for Ukraine → Russia; returns the request's parameters and the relation ids of each path. */
async function findPaths(page: Page): Promise<{ asked: URLSearchParams; paths: string[][] }> {
  await page.getByTestId("path-from").fill("Ukraine");
  await page.getByTestId("path-to").fill("Russia");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("/api/paths?")),
    page.getByTestId("path-submit").click(),
  ]);
  const body = (await response.json()) as { paths: { edges: { id: string }[] }[] };
  return { asked: new URL(response.url()).searchParams, paths: body.paths.map((p) => p.edges.map((e) => e.id)) };
}

describe.skipIf(unavailable !== null)("web explorer: the minimum support", () => {
  const suite = writableSuite(undefined, addRestatement);

  it("hides single-source relations at 2 sources, and the path finder, GEXF and link keep to it", async () => {
    const { page, server, errors } = suite;
    await openExplorer(page, server.url);
    const all = await relations(page);
    expect(all).toBeGreaterThan(RESTATED.length);
    const before = await findPaths(page);
    expect(before.asked.has("minSupport")).toBe(false);
    // With every relation, some path from Ukraine to Russia takes a single-source relation.
    expect(before.paths.flat().some((id) => !RESTATED.includes(id))).toBe(true);

    const select = page.getByTestId("min-support");
    expect(await select.locator("option").allTextContents()).toEqual(["1 source (every relation)", "2 sources"]);
    await select.selectOption("2");
    await expect.poll(() => relations(page)).toBe(RESTATED.length);
    for (const key of RESTATED) expect(await hasRelation(page, key)).toBe(true);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/support=2/);
    const gexf = new URL((await page.locator("#export-gexf-visible").getAttribute("href"))!, server.url);
    expect(gexf.searchParams.get("minSupport")).toBe("2");

    const after = await findPaths(page);
    expect(after.asked.get("minSupport")).toBe("2");
    // The one way left: Ukraine ← Podolyak → Russia, over the two restated relations.
    expect(after.paths).toEqual([RESTATED]);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "support.png") });

    await select.selectOption("1");
    await expect.poll(() => relations(page)).toBe(all);
    expect(errors).toEqual([]);
  });

  it("opens a shared link at its minimum support", async () => {
    const { page, server, errors } = suite;
    await openExplorer(page, `${server.url}/#support=2`);
    expect(await relations(page)).toBe(RESTATED.length);
    expect(await page.getByTestId("min-support").inputValue()).toBe("2");
    expect(errors).toEqual([]);
  });
});
