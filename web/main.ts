/**
 * Web explorer entry: loads the served graph's drawing payload (the whole graph, or a large graph's overview of
 * groups that expand on demand), draws it with sigma and starts the controllers.
 *
 * sigma is pinned to 3.x: @sigma/export-image and @sigma/utils (peer sigma >=3) call sigma 3 methods that sigma 4
 * removed (e.g. getCanvases), so the PNG export would fail with sigma 4.
 *
 * The start-up phases leave performance marks (`kg:fetched`, `kg:graph`, `kg:renderer`, `kg:controllers`, `kg:ready`)
 * that the browser benchmark reads to say where the time goes.
 */
import Sigma from "sigma";
import { EdgeLineProgram, EdgeRectangleProgram, NodePointProgram } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import { fetchDocumentList, fetchDrawGraph, fetchOntology, type OverviewSummary } from "./app/api.ts";
import type { PageContext } from "./app/context.ts";
import { byId } from "./app/dom.ts";
import { countByKind, graphFromDraw, ontologyForGraph, snapshotPositions } from "./app/graph.ts";
import { createLabelDrawer } from "./app/labels.ts";
import { labelSettingsFor } from "./app/labelSettings.ts";
import { latestRun } from "./app/latestRun.ts";
import { createOverview, overviewNotice } from "./app/overview.ts";
import { exposePageHook } from "./app/pageHook.ts";
import { createReducers } from "./app/reducers.ts";
import { createSearchIndex } from "./app/search.ts";
import { describeWindow, isWindowed } from "./app/timelineWindow.ts";
import { INITIAL_UI_STATE, UiStateHolder } from "./app/uiState.ts";
import { parseViewHash } from "./app/viewHash.ts";
import type { Controller, EdgeAttributes, NodeAttributes, WebGraph } from "./app/types.ts";
import { visibilityCache } from "./app/visibility.ts";
import {
  CONTROLLERS,
  DOCUMENT_CONTROLLERS,
  RECOUNTED_CONTROLLERS,
  WRITE_CONTROLLERS,
  type ControllerFactory,
} from "./controllers/index.ts";

/** Renderer settings; the performance ones keep a 10k-node, 50k-edge graph responsive. */
export const SIGMA_SETTINGS: Partial<Settings<NodeAttributes, EdgeAttributes>> = {
  // Performance
  hideEdgesOnMove: true,
  // Labels: node labels by size (how many depends on the graph's size, see labelSettings.ts); edge labels only where
  // the reducers force them (selection, path)
  renderEdgeLabels: true,
  labelFont: "system-ui, -apple-system, 'Segoe UI', sans-serif",
  labelSize: 13,
  labelWeight: "600",
  labelColor: { color: "#26262a" },
  edgeLabelFont: "system-ui, -apple-system, 'Segoe UI', sans-serif",
  edgeLabelSize: 11,
  edgeLabelColor: { color: "#4a4a50" },
  // Drawing
  defaultEdgeType: "arrow",
  zIndex: true,
  stagePadding: 40,
  // Interaction
  enableEdgeEvents: true,
  minCameraRatio: 0.02,
  maxCameraRatio: 4,
};

/**
 * Above this many edges the page draws lines, point sprites and no edge events (emphasised edges keep the `thick`
 * program). Why, with the measurements under software WebGL: the README, "Performance" (page).
 */
const LARGE_GRAPH_EDGES = 20_000;
const EMPHASIS_EDGE_TYPE = "thick";
const LARGE_GRAPH_SETTINGS: Partial<Settings<NodeAttributes, EdgeAttributes>> = {
  defaultEdgeType: "line",
  edgeProgramClasses: { line: EdgeLineProgram, [EMPHASIS_EDGE_TYPE]: EdgeRectangleProgram },
  nodeProgramClasses: { circle: NodePointProgram },
  enableEdgeEvents: false,
  // While the camera moves only the nodes are drawn (edges are already hidden on move for every graph).
  hideLabelsOnMove: true,
};

/**
 * Brings `graph` in line with `fresh` in place, so sigma, the camera and the UI state survive a write: what is gone is
 * dropped, what is new is added, attributes are replaced. Nodes already drawn keep their current position (the reader
 * may have run a layout); new ones take the server's. Returns the new nodes.
 */
function syncGraph(graph: WebGraph, fresh: WebGraph): string[] {
  graph.filterEdges((edge) => !fresh.hasEdge(edge)).forEach((edge) => graph.dropEdge(edge));
  graph.filterNodes((node) => !fresh.hasNode(node)).forEach((node) => graph.dropNode(node));
  const added: string[] = [];
  fresh.forEachNode((node, attributes) => {
    if (!graph.hasNode(node)) {
      graph.addNode(node, attributes);
      added.push(node);
    } else {
      const { x, y } = graph.getNodeAttributes(node);
      graph.replaceNodeAttributes(node, { ...attributes, x, y });
    }
  });
  fresh.forEachEdge((edge, attributes, source, target) => {
    if (graph.hasEdge(edge)) graph.replaceEdgeAttributes(edge, attributes);
    else graph.addDirectedEdgeWithKey(edge, source, target, attributes);
  });
  return added;
}

/**
 * Resolves once the frame drawn so far is on screen. sigma's GL calls return at once and the browser executes them
 * when it produces the next frame (seconds for a big graph under software rendering): a callback of the frame after
 * that one runs only once the first was produced. So "ready" means drawn, not merely submitted.
 */
function framePresented(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** Loads everything and starts the page; returns the function that tears it all down. */
async function start(): Promise<() => void> {
  const container = byId("graph");
  const status = byId("status");
  const announce = (message: string) => {
    status.textContent = message;
  };
  // A shared link's time window is fetched at once, rather than the whole graph drawn first and then cut.
  const ui = new UiStateHolder({ ...INITIAL_UI_STATE, timeWindow: parseViewHash(location.hash).window });
  const [data, served] = await Promise.all([fetchDrawGraph(ui.state.timeWindow), fetchOntology()]);
  performance.mark("kg:fetched");
  const graph = graphFromDraw(data);
  performance.mark("kg:graph");
  const initialState = ui.state;
  const large = graph.size > LARGE_GRAPH_EDGES;
  // Replaced after a write: the cache is keyed on the filter sets only, not on the graph's membership.
  let visibility = visibilityCache(graph);
  const reducers = createReducers(graph, ui, (types, predicates) => visibility(types, predicates), {
    emphasisEdgeType: large ? EMPHASIS_EDGE_TYPE : null,
  });
  const labels = createLabelDrawer();
  const renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
    ...SIGMA_SETTINGS,
    ...labelSettingsFor(graph.order),
    ...(large ? LARGE_GRAPH_SETTINGS : {}),
    ...reducers,
    defaultDrawNodeLabel: labels.draw,
  });
  performance.mark("kg:renderer");
  const detachLabels = labels.attach(renderer as unknown as Sigma);
  labels.flush();
  exposePageHook(renderer as unknown as Sigma, labels);
  // The search index, the positions and the counts are refreshed in place after a write: controllers hold them.
  let search = createSearchIndex(graph);
  const positions = snapshotPositions(graph);
  const counts = countByKind(graph);
  /** The status line: what the graph holds and, within a time window, which. */
  const shownLine = () => {
    const { timeWindow } = ui.state;
    const within = isWindowed(timeWindow) ? ` (${describeWindow(timeWindow)})` : "";
    if (ctx.overview) {
      const { entities, relations } = ctx.overview.summary;
      return `Overview of ${entities} entities, ${relations} relations${within}`;
    }
    return `${graph.order} entities, ${graph.size} relations${within}`;
  };
  // Asked for only now, so that its consumers (the controllers, created next) handle a failure in the same task.
  let documents = fetchDocumentList();
  const ctx: PageContext = {
    graph,
    renderer,
    ui: ui,
    ontology: ontologyForGraph(graph, served),
    // Over an overview most entities are not drawn: the server's search reaches them all.
    search: (query) => (ctx.overview ? ctx.overview.search(query) : search(query)),
    positions,
    counts,
    visibility: () => visibility(ui.state.hiddenTypes, ui.state.hiddenPredicates),
    documents: () => documents,
    announce,
    overview: null,
  };
  const notice = byId("overview-notice");
  /** Shows the overview's notice, or hides it when the graph is drawn in full. */
  const showNotice = () => {
    notice.hidden = !ctx.overview;
    notice.textContent = ctx.overview ? overviewNotice(ctx.overview) : "";
  };
  /** Starts, updates or ends overview mode after `summary`'s payload was drawn (null: the graph is drawn in full). */
  const setOverview = (summary: OverviewSummary | null) => {
    if (!summary) ctx.overview = null;
    else if (ctx.overview) ctx.overview.reset(summary);
    else ctx.overview = createOverview(graph, summary, () => ui.state.timeWindow, grown);
    showNotice();
  };
  const controllers: Controller[] = [];
  /**
   * Brings everything derived from the graph's membership up to date: filters, search, counts, legend. `rebuild`
   * also restarts the controllers that list what the graph holds.
   */
  const membershipChanged = (rebuild: ControllerFactory[]) => {
    visibility = visibilityCache(graph);
    search = createSearchIndex(graph);
    const recount = countByKind(graph);
    for (const key of ["types", "predicates"] as const) {
      counts[key].clear();
      for (const [id, n] of recount[key]) counts[key].set(id, n);
    }
    ctx.ontology = ontologyForGraph(graph, served);
    for (const create of rebuild) {
      const index = CONTROLLERS.indexOf(create);
      controllers[index].kill();
      controllers[index] = create(ctx);
    }
  };
  /** After an overview drew more of the graph (a group expanded, a search hit or a path fetched). */
  function grown(added: string[]) {
    for (const node of added) positions.set(node, { ...graph.getNodeAttributes(node) });
    membershipChanged(RECOUNTED_CONTROLLERS);
    showNotice();
    announce(shownLine());
  }
  setOverview(data.overview ?? null);
  controllers.push(...CONTROLLERS.map((create) => create(ctx)));
  /**
   * Re-fetches the served graph within the time window and redraws it, keeping the camera, the renderer and the UI
   * state; after a write (`documentsChanged`) the document list and the controllers listing it too.
   */
  const reloadGraph = async (documentsChanged: boolean) => {
    const payload = await fetchDrawGraph(ui.state.timeWindow);
    const fresh = graphFromDraw(payload);
    for (const node of syncGraph(graph, fresh)) positions.set(node, { ...fresh.getNodeAttributes(node) });
    // A re-fetched overview shows every group closed again.
    setOverview(payload.overview ?? null);
    if (documentsChanged) documents = fetchDocumentList();
    // The legend and the filters list what the graph holds: rebuild them; everything else reads the graph live.
    membershipChanged([...RECOUNTED_CONTROLLERS, ...(documentsChanged ? DOCUMENT_CONTROLLERS : [])]);
    const { selection } = ui.state;
    // A new selection object re-renders the panel (an accepted relation's status changed); a dropped one closes it.
    const stillThere =
      selection && (selection.kind === "node" ? graph.hasNode(selection.id) : graph.hasEdge(selection.id));
    ui.set({ selection: stillThere ? { ...selection } : null });
    renderer.refresh();
    announce(shownLine());
  };
  controllers.push(...WRITE_CONTROLLERS.map((create) => create(ctx, () => reloadGraph(true))));
  const reloadWindow = latestRun(
    () => reloadGraph(false),
    (error) => announce(`Cannot show that time window: ${(error as Error).message}`),
  );
  const unsubscribeWindow = ui.subscribe((state, previous) => {
    if (state.timeWindow !== previous.timeWindow) reloadWindow();
  });
  // sigma's constructor drew the graph; redraw once more only if a controller (the URL state) changed the view.
  if (ui.state !== initialState) renderer.refresh();
  performance.mark("kg:controllers");
  await framePresented();
  performance.mark("kg:ready");
  container.dataset.state = "ready";
  // Every later change is drawn once per animation frame, however many store updates that frame saw: a full
  // refresh runs the reducers over every node and edge.
  let frame = 0;
  const unsubscribe = ui.subscribe((state, previous) => {
    // Only the layout flag changes nothing on screen; everything else goes through the reducers.
    if (state.layoutRunning !== previous.layoutRunning && state.path === previous.path) return;
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      renderer.refresh({ skipIndexation: true });
    });
  });
  announce(shownLine());
  return () => {
    unsubscribe();
    unsubscribeWindow();
    cancelAnimationFrame(frame);
    detachLabels();
    for (const controller of controllers.reverse()) controller.kill();
    renderer.kill();
  };
}

start().then(
  (teardown) => window.addEventListener("pagehide", teardown, { once: true }),
  (error: unknown) => {
    const container = byId("graph");
    container.dataset.state = "error";
    byId("status").textContent = `Cannot show the graph: ${(error as Error).message}`;
    console.error(error);
  },
);
