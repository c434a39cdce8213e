/**
 * Browser test: labels, descriptions and quotes from the data are shown as text and never run as HTML.
 */
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS_DIR,
  browserUnavailableReason,
  buildPage,
  collectErrors,
  launchBrowser,
  openExplorer,
  servePageOn,
  type PageServer,
} from "./browser.ts";

const HOSTILE_LABEL = "<img src=x onerror=alert(1)>";
const HOSTILE_QUOTE = "<script>alert(2)</script>";

/** A two-node graph whose texts are HTML payloads. */
function hostileGraph() {
  const node = (key: string, label: string, x: number) => ({
    key,
    attributes: {
      label,
      type: "person",
      aliases: [label],
      description: `<b onmouseover=alert(3)>${label}</b>`,
      documents: ["doc1"],
      source: "curated",
      x,
      y: 0,
      size: 12,
      color: "#e15759",
      community: 0,
      degree: 1,
    },
  });
  return {
    options: { type: "directed", multi: true, allowSelfLoops: true },
    attributes: {},
    nodes: [node("evil", HOSTILE_LABEL, 0), node("plain", "Plain person", 10)],
    edges: [
      {
        key: "evil-supports-plain",
        source: "evil",
        target: "plain",
        attributes: {
          predicate: "supports",
          label: "<i>supports</i>",
          evidence: [{ doc: "doc1", quote: HOSTILE_QUOTE, start: 0, end: HOSTILE_QUOTE.length }],
          stance: "supports",
          modality: "asserted",
          confidence: 0.9,
          source: "curated",
          kind: "typed",
          status: "accepted",
        },
      },
    ],
  };
}

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`tests/web/xss: skipped — ${unavailable}`);

describe.skipIf(unavailable !== null)("web explorer with hostile data", () => {
  let server: PageServer;
  let browser: Browser;

  beforeAll(async () => {
    await buildPage();
    server = await servePageOn(hostileGraph());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows an HTML label as text in the search, the panel and the relations, and runs nothing", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const errors = collectErrors(page);
    await openExplorer(page, server.url);
    await page.getByTestId("search-input").fill("img src");
    const option = page.getByTestId("search-result").first();
    await expect.poll(() => option.textContent()).toContain(HOSTILE_LABEL);
    await option.click();
    const panel = page.getByTestId("node-panel");
    expect(await panel.locator("h2").textContent()).toBe(HOSTILE_LABEL);
    expect(await panel.locator(".description").textContent()).toContain("<b onmouseover=alert(3)>");
    expect(await panel.locator(".quote").first().textContent()).toBe(`“${HOSTILE_QUOTE}”`);
    await panel.locator(".description").hover();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "hostile-label.png") });
    expect(await page.locator('img[src="x"], script:not([src]), b[onmouseover]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await page.close();
  });
});
