/**
 * Controllers: every piece of the page, in the order they are started (the URL state last, as it drives the others).
 */
import type { PageContext } from "../app/context.ts";
import type { Controller } from "../app/types.ts";
import { createExportController } from "./export.ts";
import { createFiltersController } from "./filters.ts";
import { createHoverController } from "./hover.ts";
import { createLayoutController } from "./layout.ts";
import { createLegendController } from "./legend.ts";
import { createPanelController } from "./panel.ts";
import { createPathController } from "./path.ts";
import { createSearchController } from "./search.ts";
import { createSelectionController } from "./selection.ts";
import { createUrlStateController } from "./urlState.ts";

/** A controller factory. */
export type ControllerFactory = (ctx: PageContext) => Controller;

/** All controllers of the page. */
export const CONTROLLERS: ControllerFactory[] = [
  createHoverController,
  createSelectionController,
  createSearchController,
  createLegendController,
  createFiltersController,
  createPanelController,
  createLayoutController,
  createPathController,
  createExportController,
  createUrlStateController,
];
