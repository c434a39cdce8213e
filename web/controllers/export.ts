/**
 * Export controller: GEXF of the whole graph or of the visible part — filters and time window — (built and named by
 * the server), PNG of the current view, named after the graph and what the view shows (see fileNames.ts).
 */
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";
import { gexfUrl } from "../app/api.ts";
import { typeLabel, type PageContext } from "../app/context.ts";
import { byId, listen } from "../app/dom.ts";
import { pngFileName } from "../app/fileNames.ts";
import { createLabelDrawer } from "../app/labels.ts";
import { drawFramedImage, type ImageFrame } from "../app/pngImage.ts";
import { describeWindow, isWindowed } from "../app/timelineWindow.ts";
import type { Controller, UiState } from "../app/types.ts";

/** Tunables of the PNG export. */
export interface PngExportOptions {
  backgroundColor: string;
  /** The graph's name when the server does not give one. */
  fallbackName: string;
}

export const DEFAULT_PNG_EXPORT_OPTIONS: PngExportOptions = { backgroundColor: "#ffffff", fallbackName: "Graph" };

/** What the view shows, for the PNG's name and subtitle: the path shown, the selected entity, or null. */
function viewSubject(ctx: PageContext, state: UiState): string | null {
  const { path, selection } = state;
  if (path.type === "ready" && path.result.paths[path.shown]) {
    const nodes = path.result.paths[path.shown].nodes;
    return `path ${nodes[0].label} to ${nodes[nodes.length - 1].label}`;
  }
  if (selection?.kind === "node" && ctx.graph.hasNode(selection.id)) {
    return ctx.graph.getNodeAttribute(selection.id, "label");
  }
  return null;
}

/** The PNG's title, subtitle and legend: the types drawn now, in the legend's order. */
function imageFrame(ctx: PageContext, name: string, subject: string | null): ImageFrame {
  const hidden = ctx.ui.state.hiddenTypes;
  const legend = ctx.ontology.types
    .filter((t) => ctx.counts.types.has(t.id) && !hidden.has(t.id))
    .map((t) => ({ label: typeLabel(ctx, t.id), color: t.color }));
  const { visibleNodeCount } = ctx.visibility();
  const counts = `${visibleNodeCount} of ${ctx.graph.order} entities shown`;
  return {
    title: name,
    subtitle: subject ? `${subject[0].toUpperCase()}${subject.slice(1)} · ${counts}` : counts,
    legend,
  };
}

/** Starts a download of `blob` as `fileName`. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  link.click();
  // The download has started from the click; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Keeps the "visible GEXF" link in step with the filters and wires the PNG button. */
export function createExportController(ctx: PageContext, options: Partial<PngExportOptions> = {}): Controller {
  const png = { ...DEFAULT_PNG_EXPORT_OPTIONS, ...options };
  const whole = byId<HTMLAnchorElement>("export-gexf");
  const visible = byId<HTMLAnchorElement>("export-gexf-visible");
  let name = png.fallbackName;
  let alive = true;
  whole.href = gexfUrl();
  // Only ids the graph uses: the server rejects a predicate the graph does not have.
  const present = ctx.counts;

  const sync = (state: UiState) => {
    const windowed = isWindowed(state.timeWindow);
    const filtered = state.hiddenTypes.size > 0 || state.hiddenPredicates.size > 0 || windowed;
    const types = [...present.types.keys()].filter((t) => !state.hiddenTypes.has(t));
    const predicates = [...present.predicates.keys()].filter((p) => !state.hiddenPredicates.has(p));
    visible.href = filtered
      ? gexfUrl({
          ...(state.hiddenTypes.size > 0 ? { types } : {}),
          ...(state.hiddenPredicates.size > 0 ? { predicates } : {}),
          window: state.timeWindow,
        })
      : gexfUrl();
    visible.title = filtered
      ? `GEXF of the types and relations currently shown${windowed ? `, ${describeWindow(state.timeWindow)}` : ""}`
      : "Nothing is filtered: the whole graph";
  };
  const exportPng = async () => {
    try {
      const subject = viewSubject(ctx, ctx.ui.state);
      // The plugin draws with a temporary renderer: it gets its own label drawer, wired to its own frames.
      const labels = createLabelDrawer();
      // The plugin is typed for untyped attributes; our typed renderer is the same object.
      const canvas = await drawFramedImage(
        ctx.renderer as unknown as Sigma,
        imageFrame(ctx, name, subject),
        { defaultDrawNodeLabel: labels.draw as unknown as Settings["defaultDrawNodeLabel"] },
        (renderer) => {
          labels.attach(renderer);
          renderer.refresh();
        },
        { backgroundColor: png.backgroundColor },
      );
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
      if (!blob) throw new Error("the browser could not encode the image");
      download(blob, pngFileName(name, subject));
      ctx.announce("PNG of the view downloaded");
    } catch (error) {
      ctx.announce(`Cannot export the PNG: ${(error as Error).message}`);
    }
  };
  sync(ctx.ui.state);
  ctx.documents().then(
    (list) => {
      if (alive) name = list.name;
    },
    // Without the server's name the files keep the fallback one: nothing else to do.
    () => undefined,
  );
  const unsubscribe = ctx.ui.subscribe((state, previous) => {
    const changed =
      state.hiddenTypes !== previous.hiddenTypes ||
      state.hiddenPredicates !== previous.hiddenPredicates ||
      state.timeWindow !== previous.timeWindow;
    if (changed) sync(state);
  });
  const off = listen(byId("export-png"), "click", () => void exportPng());
  return {
    kill() {
      alive = false;
      unsubscribe();
      off();
    },
  };
}
