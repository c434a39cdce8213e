/**
 * Browser tests of the "Add article" form and the review of candidate relations, against a server writing into a
 * throw-away copy of graph-data/.
 */
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/start.ts";
import { DEFAULT_REDUCER_OPTIONS, createReducers } from "../../web/app/reducers.ts";
import { UiStateHolder } from "../../web/app/uiState.ts";
import type { EdgeAttributes, WebGraph } from "../../web/app/types.ts";
import { visibilityCache } from "../../web/app/visibility.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";
import {
  ARTIFACTS_DIR,
  browserUnavailableReason,
  buildPage,
  collectErrors,
  launchBrowser,
  openExplorer,
} from "./browser.ts";

const unavailable = browserUnavailableReason();
if (unavailable) console.warn(`tests/web/ingest: skipped — ${unavailable}`);

/** Two sentences naming two people and two companies the seed graph does not know. */
const ARTICLE = {
  title: "Orvana Systems to buy Brevik Logistics",
  text:
    "Marta Velasquez, the chief executive of Orvana Systems, met Tomas Lindqvist in Oslo on Monday. " +
    "Lindqvist, the chairman of Brevik Logistics, said Orvana Systems would buy Brevik Logistics.",
};

/** The page's "N entities, M relations" status line, as numbers. */
async function shownCounts(page: Page): Promise<{ nodes: number; edges: number }> {
  const text = (await page.locator("#status").textContent()) ?? "";
  const match = /(\d+) entities, (\d+) relations/.exec(text);
  return match ? { nodes: Number(match[1]), edges: Number(match[2]) } : { nodes: -1, edges: -1 };
}

describe.skipIf(unavailable !== null)("web explorer: adding an article and reviewing its relations", () => {
  let data: TempData;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    await buildPage();
    data = makeTempData();
    server = await startServer({ port: 0, host: "127.0.0.1", dataRoot: data.root, app: { requestLogs: false } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data?.remove();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
    page = await context.newPage();
    errors = collectErrors(page);
  });
  afterEach(async () => {
    await context.close();
  });

  it("opens from the keyboard, shows the server's error for an empty text and changes nothing", async () => {
    await openExplorer(page, server.url);
    const before = await shownCounts(page);
    // Keyboard only: focus the opener, open with Enter, type a title, submit with Enter from the field.
    await page.getByTestId("add-article-open").focus();
    await page.keyboard.press("Enter");
    const title = page.getByTestId("add-article-title");
    await expect.poll(() => title.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await title.evaluate((input) => input.matches(":focus-visible"))).toBe(true);
    await page.keyboard.type("Nothing to read");
    await page.keyboard.press("Enter");
    const error = page.getByTestId("add-article-error");
    await error.waitFor({ state: "visible" });
    expect(await error.textContent()).toMatch(/text is empty/);
    const dialogOpen = () => page.locator("#add-article-dialog").evaluate((d) => (d as HTMLDialogElement).open);
    expect(await dialogOpen()).toBe(true);
    await page.keyboard.press("Escape");
    expect(await dialogOpen()).toBe(false);
    expect(await shownCounts(page)).toEqual(before);
    expect(server.context.served.graph.order).toBe(before.nodes);
    // The failed POST is the browser's own console line; nothing else may have gone wrong.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it("sends a web address for the server to fetch, and shows why it refuses one on this machine", async () => {
    await openExplorer(page, server.url);
    const before = await shownCounts(page);
    await page.getByTestId("add-article-open").click();
    const posted = page.waitForRequest((req) => req.url().endsWith("/api/documents") && req.method() === "POST");
    // The server itself is on loopback, which it does not fetch from without --allow-private-fetch.
    await page.getByTestId("add-article-url").fill(`${server.url}/news/story.html`);
    await page.getByTestId("add-article-submit").click();
    expect((await posted).postDataJSON()).toEqual({ url: `${server.url}/news/story.html` });
    const error = page.getByTestId("add-article-error");
    await error.waitFor({ state: "visible" });
    expect(await error.textContent()).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(await shownCounts(page)).toEqual(before);
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });

  it("adds an article, lists and highlights what it brought, and a rejected candidate disappears", async () => {
    await openExplorer(page, server.url);
    const before = await shownCounts(page);
    // Zoom in, so the test can tell whether the write kept the camera (the shared link records it).
    await page.getByTestId("graph").hover();
    await page.mouse.wheel(0, -400);
    const cameraOf = async () => new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get("cam");
    await expect.poll(cameraOf).not.toBeNull();
    await page.waitForTimeout(500);
    const camera = await cameraOf();
    await page.getByTestId("add-article-open").click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("add-article-title");
    await page.getByTestId("add-article-title").fill(ARTICLE.title);
    await page.getByTestId("add-article-text").fill(ARTICLE.text);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "add-article-form.png") });
    await page.getByTestId("add-article-submit").click();

    const result = page.getByTestId("add-article-result");
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain("New entities");
    // The server swaps in a new graph on every write: read it afresh after each one.
    const served = () => server.context.served.graph;
    expect(await result.textContent()).toContain(`Added “${ARTICLE.title}”`);
    for (const name of ["Marta Velasquez", "Tomas Lindqvist"]) {
      expect(await result.locator("button[data-node]", { hasText: name }).count()).toBe(1);
    }
    // The page re-fetched the graph without a reload: its counts are the server's, larger than before.
    await expect.poll(() => shownCounts(page)).toEqual({ nodes: served().order, edges: served().size });
    expect(served().order).toBeGreaterThan(before.nodes);
    expect(await page.locator("#add-article-dialog").evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await page.waitForTimeout(300);
    expect(await cameraOf()).toBe(camera);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "add-article-result.png") });

    // A new relation is a candidate: its panel offers the review.
    const relationButton = result.locator("button[data-edge]").first();
    const edge = (await relationButton.getAttribute("data-edge")) ?? "";
    expect(served().getEdgeAttribute(edge, "status")).toBe("candidate");
    await relationButton.click();
    const panel = page.getByTestId("node-panel");
    await panel.getByTestId("relation-reject").waitFor({ state: "visible" });
    expect(await panel.getByTestId("relation-accept").isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, "candidate-panel.png") });
    const candidates = Number(await page.locator("#candidate-count").textContent());

    await panel.getByTestId("relation-reject").click();
    await panel.waitFor({ state: "hidden" });
    expect(served().hasEdge(edge)).toBe(false);
    await expect.poll(() => shownCounts(page)).toEqual({ nodes: served().order, edges: served().size });
    await expect.poll(async () => Number(await page.locator("#candidate-count").textContent())).toBe(candidates - 1);

    // Escape clears the highlight and its summary.
    await page.locator("body").press("Escape");
    await expect.poll(() => result.textContent()).toBe("");

    // The same text again is refused with the server's reason, and the graph does not change.
    const after = { nodes: served().order, edges: served().size };
    await page.getByTestId("add-article-open").click();
    await page.getByTestId("add-article-title").fill("Same text, other title");
    await page.getByTestId("add-article-text").fill(ARTICLE.text);
    await page.getByTestId("add-article-submit").click();
    const error = page.getByTestId("add-article-error");
    await error.waitFor({ state: "visible" });
    expect(await error.textContent()).toMatch(/already stored as document/);
    expect({ nodes: served().order, edges: served().size }).toEqual(after);
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
  });

  it("accepts a candidate: the panel then shows it accepted, without review buttons", async () => {
    const edge = server.context.served.graph.findEdge((_e, a) => a.status === "candidate");
    expect(edge, "the previous test's article left candidates").toBeDefined();
    await openExplorer(page, `${server.url}/#edge=${encodeURIComponent(edge!)}`);
    const panel = page.getByTestId("node-panel");
    await panel.getByTestId("relation-accept").click();
    await expect.poll(() => panel.locator("dd").allTextContents()).toContain("accepted");
    expect(await panel.getByTestId("relation-accept").count()).toBe(0);
    expect(server.context.served.graph.getEdgeAttribute(edge!, "status")).toBe("accepted");
    expect(errors).toEqual([]);
  });
});

/** A graph with one curated and one candidate relation, for the reducers. */
function reviewGraph(): WebGraph {
  const graph: WebGraph = new MultiDirectedGraph();
  const node = (label: string) => ({ label, type: "person", x: 0, y: 0, size: 1, color: "#000000" });
  for (const id of ["alice", "bob", "carol"]) graph.addNode(id, node(id));
  const edge = (status: string): EdgeAttributes => ({ predicate: "knows", label: "knows", status });
  graph.addEdgeWithKey("curated", "alice", "bob", edge("accepted"));
  graph.addEdgeWithKey("candidate", "bob", "carol", edge("candidate"));
  return graph;
}

describe("web reducers: candidates and the added article's highlight", () => {
  const setup = () => {
    const graph = reviewGraph();
    const ui = new UiStateHolder();
    return { graph, ui, ...createReducers(graph, ui, visibilityCache(graph)) };
  };

  it("draws a candidate relation lighter and thinner than a reviewed one", () => {
    const { edgeReducer, graph } = setup();
    const curated = edgeReducer("curated", graph.getEdgeAttributes("curated"));
    const candidate = edgeReducer("candidate", graph.getEdgeAttributes("candidate"));
    expect(candidate.color).toBe(DEFAULT_REDUCER_OPTIONS.candidateEdgeColor);
    expect(candidate.size).toBeLessThan(curated.size!);
    expect(candidate.hidden).toBeFalsy();
  });

  it("hides candidate relations, and only them, when the toggle is off", () => {
    const { edgeReducer, graph, ui } = setup();
    ui.set({ showCandidates: false });
    expect(edgeReducer("candidate", graph.getEdgeAttributes("candidate")).hidden).toBe(true);
    expect(edgeReducer("curated", graph.getEdgeAttributes("curated")).hidden).toBeFalsy();
  });

  it("highlights the added entities and relations until a selection takes over", () => {
    const { nodeReducer, edgeReducer, graph, ui } = setup();
    ui.set({ highlight: { nodes: new Set(["carol"]), edges: new Set(["candidate"]) } });
    expect(nodeReducer("carol", graph.getNodeAttributes("carol")).highlighted).toBe(true);
    expect(nodeReducer("alice", graph.getNodeAttributes("alice")).highlighted).toBeFalsy();
    expect(edgeReducer("candidate", graph.getEdgeAttributes("candidate")).color).toBe(
      DEFAULT_REDUCER_OPTIONS.highlightEdgeColor,
    );
    ui.set({ selection: { kind: "node", id: "alice" } });
    expect(nodeReducer("carol", graph.getNodeAttributes("carol")).highlighted).toBeFalsy();
    // The highlight lives in the UI state only: the graph's attributes are untouched.
    expect(Object.keys(graph.getNodeAttributes("carol"))).not.toContain("highlighted");
  });
});
