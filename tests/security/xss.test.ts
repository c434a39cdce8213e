/**
 * Browser XSS test: a graph-data folder whose labels, aliases, descriptions, evidence quotes, document title and
 * document text and a merged name are HTML and script payloads is served as `kg serve` would; Chromium opens the page,
 * selects the entity, opens its evidence, the source document and the merge list, and nothing runs: no dialog, no
 * injected element, no CSP violation, and every payload is shown literally as text.
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import { browserUnavailableReason, buildPage, collectErrors, launchBrowser, openExplorer } from "../web/browser.ts";
import { PAYLOADS } from "./fixtures.ts";

const DOC = "001_hostile";
const LABEL = PAYLOADS.img;
const ALIASES = [PAYLOADS.script, PAYLOADS.js, PAYLOADS.iframe];
const DESCRIPTION = `${PAYLOADS.link} ${PAYLOADS.svg}`;
const TITLE = `${PAYLOADS.script} and ${PAYLOADS.img}`;
const QUOTE = `${PAYLOADS.img} backs Plainland, ${PAYLOADS.link}`;
const MERGED = `${PAYLOADS.svg} the envoy`;
const TEXT = `Opening line. ${QUOTE} said a statement. ${PAYLOADS.iframe} ${PAYLOADS.svg} ${PAYLOADS.script} ${PAYLOADS.js} End.`;

/** Replaces the seed in `data` with one hostile document, two entities and one relation quoting the document. */
function writeHostileData(data: TempData): void {
  for (const dir of ["documents", "relations"]) {
    for (const file of readdirSync(path.join(data.root, dir))) rmSync(path.join(data.root, dir, file));
  }
  data.write(`documents/${DOC}.txt`, TEXT);
  data.write(`documents/${DOC}.meta.yaml`, stringify({ id: DOC, title: TITLE }));
  data.write(
    "entities.yaml",
    stringify({
      entities: [
        { id: "hostile-person", label: LABEL, type: "person", aliases: ALIASES, description: DESCRIPTION },
        { id: "plainland", label: "Plainland", type: "country", aliases: [], description: "A plain country." },
      ],
    }),
  );
  // A name of the document that resolution merged into the hostile entity: the merge list shows it and its aliases.
  mkdirSync(path.join(data.root, "extracted"), { recursive: true });
  data.write(
    `extracted/${DOC}.yaml`,
    stringify({
      document: DOC,
      entities: [
        {
          key: "e1",
          label: MERGED,
          type: "person",
          aliases: ALIASES,
          mentions: [],
          entity: "hostile-person",
          rule: "alias",
        },
      ],
      relations: [],
    }),
  );
  const start = TEXT.indexOf(QUOTE);
  data.write(
    `relations/${DOC}.yaml`,
    stringify({
      relations: [
        {
          id: "hostile-supports-plainland",
          subject: "hostile-person",
          predicate: "supports",
          object: "plainland",
          evidence: [{ doc: DOC, quote: QUOTE, start, end: start + QUOTE.length }],
          stance: "supports",
          modality: "asserted",
          confidence: 0.9,
          source: "curated",
        },
      ],
    }),
  );
}

/** Elements that exist only if a payload was parsed as HTML. */
const INJECTED = 'img[src="x"], svg[onload], iframe, a[href^="javascript:"], script:not([src])';

/** Records CSP violations from the first moment of the page (init scripts are not subject to the page's CSP). */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    );
  });
}

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`tests/security/xss: skipped — ${unavailable}`);

describe.skipIf(unavailable !== null)("the page with hostile data from graph-data/", () => {
  let data: TempData;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await buildPage();
    data = makeTempData();
    writeHostileData(data);
    server = await startServer({
      port: 0,
      host: "127.0.0.1",
      dataRoot: data.root,
      readOnly: true,
      watch: false,
      app: { requestLogs: false },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data?.remove();
  });

  it("shows the entity, its evidence and its document as literal text and runs none of it", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const errors = collectErrors(page);
    await watchViolations(page);
    await openExplorer(page, server.url);
    // The page itself causes no CSP violation (zod runs jitless); any violation would be data reaching the DOM as
    // HTML or code.
    const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(await violations()).toEqual([]);

    await page.getByTestId("search-input").fill("img src");
    const option = page.getByTestId("search-result").first();
    await expect.poll(() => option.textContent()).toContain(LABEL);
    await option.click();

    const panel = page.getByTestId("node-panel");
    await expect.poll(() => panel.getAttribute("data-view")).toBe("node");
    expect(await panel.locator("h2").textContent()).toBe(LABEL);
    expect(await panel.locator(".description").textContent()).toBe(DESCRIPTION);
    expect(await panel.textContent()).toContain(ALIASES.join(", "));
    const quote = panel.locator(".quote").first();
    expect(await quote.textContent()).toBe(`“${QUOTE}”`);

    await quote.click();
    await expect.poll(() => panel.getAttribute("data-view")).toBe("document");
    // The view opens with "Loading…" under a generic heading; the title follows with the text.
    await expect.poll(() => panel.locator("h2").textContent()).toBe(TITLE);
    expect(await panel.locator(".document-text").textContent()).toBe(TEXT);
    expect(await panel.locator(".document-text mark").textContent()).toBe(QUOTE);

    await page.getByTestId("merges-open").click();
    const merge = page.getByTestId("merge-item");
    await merge.waitFor();
    expect(await merge.getByTestId("merge-entity").textContent()).toBe(LABEL);
    expect(await merge.locator(".merge-line strong").textContent()).toBe(`${MERGED} (also ${ALIASES.join(", ")})`);
    expect(await merge.locator(".review-doc").textContent()).toBe(TITLE);

    await page.waitForTimeout(300);
    expect(await page.locator(INJECTED).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(await violations()).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await page.close();
  });

  it("would notice an injection: the same payloads inserted as HTML are found and refused by the CSP", async () => {
    const page = await browser.newPage();
    await watchViolations(page);
    await openExplorer(page, server.url);
    const before = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.length);
    await page.evaluate(
      (html) => document.body.insertAdjacentHTML("beforeend", html),
      Object.values(PAYLOADS).join(""),
    );
    await page.waitForTimeout(300);
    expect(await page.locator(INJECTED).count()).toBeGreaterThan(0);
    const after = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(after.slice(before).some((v) => v.startsWith("script-src-attr"))).toBe(true);
    // The CSP, not luck, kept the handlers from running.
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    await page.close();
  });

  it("serves the same payloads as JSON strings from the API, never as HTML", async () => {
    const res = await fetch(`${server.url}/api/documents/${DOC}`);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(((await res.json()) as { text: string }).text).toBe(TEXT);
    const merges = await fetch(`${server.url}/api/merges`);
    expect(merges.headers.get("content-type")).toMatch(/^application\/json/);
    const [merge] = ((await merges.json()) as { merges: { merged: { label: string } }[] }).merges;
    expect(merge.merged.label).toBe(MERGED);
  });
});
