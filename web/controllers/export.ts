/**
 * Export controller: GEXF of the whole graph or of the visible part (built by the server), PNG of the current view.
 */
import { downloadAsPNG } from "@sigma/export-image";
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";
import { gexfUrl } from "../app/api.ts";
import { createLabelDrawer } from "../app/labels.ts";
import type { PageContext } from "../app/context.ts";
import { byId, listen } from "../app/dom.ts";
import type { Controller, UiState } from "../app/types.ts";

/** Tunables of the PNG export. */
export interface PngExportOptions {
  fileName: string;
  backgroundColor: string;
}

export const DEFAULT_PNG_EXPORT_OPTIONS: PngExportOptions = { fileName: "evidence-graph", backgroundColor: "#ffffff" };

/** Keeps the "visible GEXF" link in step with the filters and wires the PNG button. */
export function createExportController(ctx: PageContext, options: Partial<PngExportOptions> = {}): Controller {
  const png = { ...DEFAULT_PNG_EXPORT_OPTIONS, ...options };
  const whole = byId<HTMLAnchorElement>("export-gexf");
  const visible = byId<HTMLAnchorElement>("export-gexf-visible");
  whole.href = gexfUrl();
  // Only ids the graph uses: the server rejects a predicate the graph does not have.
  const present = ctx.counts;

  const sync = (state: UiState) => {
    const filtered = state.hiddenTypes.size > 0 || state.hiddenPredicates.size > 0;
    const types = [...present.types.keys()].filter((t) => !state.hiddenTypes.has(t));
    const predicates = [...present.predicates.keys()].filter((p) => !state.hiddenPredicates.has(p));
    visible.href = filtered
      ? gexfUrl({
          ...(state.hiddenTypes.size > 0 ? { types } : {}),
          ...(state.hiddenPredicates.size > 0 ? { predicates } : {}),
        })
      : gexfUrl();
    visible.title = filtered
      ? "GEXF of the types and relations currently shown"
      : "Nothing is filtered: the whole graph";
  };
  const exportPng = async () => {
    try {
      // The plugin draws with a temporary renderer: it gets its own label drawer, wired to its own frames.
      const labels = createLabelDrawer();
      // The plugin is typed for untyped attributes; our typed renderer is the same object.
      await downloadAsPNG(ctx.renderer as unknown as Sigma, {
        fileName: png.fileName,
        backgroundColor: png.backgroundColor,
        sigmaSettings: { defaultDrawNodeLabel: labels.draw as unknown as Settings["defaultDrawNodeLabel"] },
        withTempRenderer: (renderer) => {
          labels.attach(renderer);
          renderer.refresh();
        },
      });
      ctx.announce("PNG of the view downloaded");
    } catch (error) {
      ctx.announce(`Cannot export the PNG: ${(error as Error).message}`);
    }
  };
  sync(ctx.ui.state);
  const unsubscribe = ctx.ui.subscribe((state, previous) => {
    if (state.hiddenTypes !== previous.hiddenTypes || state.hiddenPredicates !== previous.hiddenPredicates) sync(state);
  });
  const off = listen(byId("export-png"), "click", () => void exportPng());
  return {
    kill() {
      unsubscribe();
      off();
    },
  };
}
