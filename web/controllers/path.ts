/**
 * Path controller: the path finder form; asks /api/paths, highlights the chosen path and lists its hops as text.
 * Searches keep to the visible graph (see pathScope.ts) and the timeline's window, and run again when either changes;
 * over an overview, the entities of the paths found are fetched and drawn.
 */
import { getCameraStateToFitViewportToNodes } from "@sigma/utils";
import type Sigma from "sigma";
import { ApiError, fetchPaths } from "../app/api.ts";
import { attachAutocomplete } from "../app/autocomplete.ts";
import { moveCamera } from "../app/camera.ts";
import { claimPhrase, claimTagsElement, isCandidate } from "../app/claim.ts";
import { typeLabel, type PageContext } from "../app/context.ts";
import { byId, el, listen } from "../app/dom.ts";
import { describeScope, pathScope } from "../app/pathScope.ts";
import type { Controller, FoundPath, PathState, PathsResult } from "../app/types.ts";

const K_RANGE = { min: 1, max: 20 };
const HOPS_RANGE = { min: 1, max: 8 };
const PATH_MARGIN = 1.4;
const MIN_PATH_RATIO = 0.1;

/** The graph's edge for a path hop: its id when the graph has it, else the first edge with the same ends and predicate. */
function graphEdgeOf(ctx: PageContext, hop: FoundPath["edges"][number]): string | null {
  const { graph } = ctx;
  if (graph.hasEdge(hop.id)) return hop.id;
  if (!graph.hasNode(hop.source) || !graph.hasNode(hop.target)) return null;
  return graph.findEdge(hop.source, hop.target, (_e, a) => a.predicate === hop.predicate) ?? null;
}

/** The "ready" state showing path `shown` of `result`. */
function readyState(ctx: PageContext, result: PathsResult, shown: number): Extract<PathState, { type: "ready" }> {
  const path = result.paths[shown];
  const nodes = new Set(path?.nodes.map((n) => n.id) ?? []);
  const edges = new Set((path?.edges ?? []).map((hop) => graphEdgeOf(ctx, hop)).filter((e): e is string => !!e));
  return { type: "ready", result, shown, nodes, edges };
}

/**
 * One hop as text, worded as the text commits to it: "A — proposed as a security guarantor for → B" or, walked
 * against the relation, "A ← … — B"; its modality, stance and review state as tags.
 */
function hopItem(path: FoundPath, i: number): HTMLLIElement {
  const hop = path.edges[i];
  const from = path.nodes[i];
  const to = path.nodes[i + 1];
  const forward = hop.source === from.id;
  const phrase = claimPhrase(hop);
  const arrow = forward ? ` — ${phrase} → ` : ` ← ${phrase} — `;
  return el(
    "li",
    {
      class: isCandidate(hop) ? "hop candidate" : "hop",
      "data-predicate": hop.predicate,
      "data-modality": hop.modality,
      "data-status": hop.status,
    },
    el("p", { class: "hop-line" }, el("strong", {}, from.label), arrow, el("strong", {}, to.label)),
    claimTagsElement(hop),
    ...hop.evidence.map((e) => el("blockquote", { class: "hop-quote" }, `“${e.quote}”`)),
  );
}

/** Parses a number input within [min, max], or null. */
function intIn(input: HTMLInputElement, range: { min: number; max: number }): number | null {
  const value = Number(input.value);
  return Number.isInteger(value) && value >= range.min && value <= range.max ? value : null;
}

/** Wires #path-form and renders #path-result. */
export function createPathController(ctx: PageContext): Controller {
  const { ui } = ctx;
  const form = byId<HTMLFormElement>("path-form");
  const fromInput = byId<HTMLInputElement>("path-from");
  const toInput = byId<HTMLInputElement>("path-to");
  const kInput = byId<HTMLInputElement>("path-k");
  const hopsInput = byId<HTMLInputElement>("path-max-hops");
  const predicateSelect = byId<HTMLSelectElement>("path-predicates");
  const result = byId("path-result");
  let request: AbortController | null = null;

  // Only predicates the graph uses: the server rejects any other.
  const used = ctx.counts.predicates;
  for (const p of ctx.ontology.predicates
    .filter((p) => used.has(p.id))
    .sort((a, b) => a.label.localeCompare(b.label))) {
    predicateSelect.append(el("option", { value: p.id }, p.label));
  }
  const autocompleteOptions = { typeLabel: (type: string) => typeLabel(ctx, type) };
  const detachers = [
    attachAutocomplete(fromInput, byId("path-from-results"), ctx.search, () => toInput.focus(), autocompleteOptions),
    attachAutocomplete(toInput, byId("path-to-results"), ctx.search, () => undefined, autocompleteOptions),
  ];

  /** Shows path `shown` and, unless `frame` is false (a shared link brings its own camera), frames it. */
  const showPath = (shown: number, frame = true) => {
    const state = ui.state.path;
    if (state.type !== "ready") return;
    const ready = readyState(ctx, state.result, shown);
    ui.set({ path: ready });
    const nodes = [...ready.nodes];
    if (nodes.length === 0 || !frame) return;
    const renderer = ctx.renderer as unknown as Sigma;
    // The details panel closes when a path is shown: measure the wider stage before framing.
    renderer.resize();
    const camera = getCameraStateToFitViewportToNodes(renderer, nodes);
    // A little margin around the path, so its end labels are not cut by the viewport's edge.
    camera.ratio = Math.max(camera.ratio * PATH_MARGIN, MIN_PATH_RATIO);
    void moveCamera(renderer, camera);
  };

  const render = (state: PathState) => {
    if (state.type === "idle") return result.replaceChildren();
    if (state.type === "loading") return result.replaceChildren(el("p", { class: "muted" }, "Searching…"));
    if (state.type === "error")
      return result.replaceChildren(el("p", { class: "error", role: "alert" }, state.message));
    const { paths } = state.result;
    if (paths.length === 0) {
      return result.replaceChildren(el("p", { class: "no-path" }, "No path found between these entities."));
    }
    const summary = el(
      "p",
      { class: "path-summary" },
      paths.length === 1 ? "1 path found." : `${paths.length} paths found.`,
    );
    const items = paths.map((path, i) => {
      const show = el(
        "button",
        { type: "button", "aria-pressed": String(i === state.shown), "data-testid": "path-show" },
        `Show path ${i + 1}`,
      );
      show.addEventListener("click", () => showPath(i));
      const hops = path.hops === 1 ? "1 hop" : `${path.hops} hops`;
      return el(
        "section",
        { class: i === state.shown ? "path shown" : "path", "aria-label": `Path ${i + 1}, ${hops}` },
        el("header", { class: "path-header" }, el("h3", {}, `Path ${i + 1} · ${hops}`), show),
        el("ol", { class: "hops" }, ...path.edges.map((_e, hop) => hopItem(path, hop))),
      );
    });
    result.replaceChildren(summary, ...items);
    result.scrollIntoView({ block: "nearest" });
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const from = fromInput.dataset.entityId ?? fromInput.value.trim();
    const to = toInput.dataset.entityId ?? toInput.value.trim();
    const k = intIn(kInput, K_RANGE);
    const maxHops = intIn(hopsInput, HOPS_RANGE);
    let problem: string | null = null;
    if (!from || !to) problem = "Enter both a start and an end entity.";
    else if (k === null) problem = `Number of paths must be a whole number from ${K_RANGE.min} to ${K_RANGE.max}.`;
    else if (maxHops === null) problem = `Max hops must be a whole number from ${HOPS_RANGE.min} to ${HOPS_RANGE.max}.`;
    if (problem || k === null || maxHops === null) {
      ui.set({ path: { type: "error", message: problem ?? "" } });
      return;
    }
    const chosen = [...predicateSelect.selectedOptions].map((o) => o.value);
    const scope = pathScope(ctx.counts, ui.state, chosen);
    if (!scope) {
      const message = "The filters hide every relation the path could use: show some relations or types again.";
      ui.set({ path: { type: "error", message }, pathEnds: { from, to, k, maxHops } });
      return;
    }
    request?.abort();
    const controller = (request = new AbortController());
    ui.set({ path: { type: "loading" }, pathEnds: { from, to, k, maxHops }, selection: null });
    // A shared link asks for one of the paths and may bring its camera (see urlState.ts); else the first is framed.
    const wanted = Number(form.dataset.show ?? 0);
    const frame = form.dataset.keepCamera !== "true";
    delete form.dataset.show;
    delete form.dataset.keepCamera;
    try {
      const found = await fetchPaths(
        { from, to, k, maxHops, ...scope, window: ui.state.timeWindow },
        controller.signal,
      );
      const shown = Number.isInteger(wanted) && wanted > 0 && wanted < found.paths.length ? wanted : 0;
      // Over an overview, the paths' entities and relations may not be drawn yet: fetch them before highlighting.
      await ctx.overview?.reveal(
        found.paths.flatMap((p) => p.nodes.map((n) => n.id)),
        0,
        found.paths.flatMap((p) => p.edges.map((e) => e.id)),
      );
      if (controller.signal.aborted) return;
      ui.set({ path: readyState(ctx, found, shown) });
      showPath(shown, frame);
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
      const message = error instanceof ApiError ? error.message : String(error);
      ui.set({ path: { type: "error", message: `Path search failed: ${message}` } });
    }
  };

  const clear = () => {
    request?.abort();
    fromInput.value = toInput.value = "";
    delete fromInput.dataset.entityId;
    delete toInput.dataset.entityId;
    ui.set({ path: { type: "idle" }, pathEnds: null });
  };

  const scopeLine = byId("path-scope");
  scopeLine.textContent = describeScope(ui.state);
  const unsubscribe = ui.subscribe((state, previous) => {
    if (state.path !== previous.path) render(state.path);
    const filtersChanged =
      state.hiddenTypes !== previous.hiddenTypes ||
      state.hiddenPredicates !== previous.hiddenPredicates ||
      state.showCandidates !== previous.showCandidates ||
      state.timeWindow !== previous.timeWindow;
    if (!filtersChanged) return;
    scopeLine.textContent = describeScope(state);
    // A shown path must keep to what is visible: search again under the new filters.
    if (state.pathEnds && state.path.type !== "idle") form.requestSubmit();
  });
  const offs = [
    listen(form, "submit", (e) => void submit(e as SubmitEvent)),
    listen(byId("path-clear"), "click", clear),
  ];
  return {
    kill() {
      request?.abort();
      unsubscribe();
      [...detachers, ...offs].forEach((off) => off());
    },
  };
}
