/**
 * Controllers: every piece of the page, in the order they are started (the URL state last, as it drives the others).
 */
import type { PageContext } from "../app/context.ts";
import type { Controller, GraphReload } from "../app/types.ts";
import { createDocumentsController } from "./documents.ts";
import { createExportController } from "./export.ts";
import { createFiltersController } from "./filters.ts";
import { createIngestController } from "./ingest.ts";
import { createReviewController } from "./review.ts";
import { createReviewQueueController } from "./reviewQueue.ts";
import { createMergeListController } from "./mergeList.ts";
import { createHoverController } from "./hover.ts";
import { createLayoutController } from "./layout.ts";
import { createLegendController } from "./legend.ts";
import { createPanelController } from "./panel.ts";
import { createPathController } from "./path.ts";
import { createSearchController } from "./search.ts";
import { createSelectionController } from "./selection.ts";
import { createSheetsController } from "./sheets.ts";
import { createSupportController } from "./support.ts";
import { createTimelineController } from "./timeline.ts";
import { createUrlStateController } from "./urlState.ts";
import { createZoomController } from "./zoom.ts";

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
  createDocumentsController,
  createTimelineController,
  createSupportController,
  createSheetsController,
  createZoomController,
  createUrlStateController,
];

/** Controllers that list the graph's types and predicates: the page rebuilds them after every reload of the graph. */
export const RECOUNTED_CONTROLLERS: ControllerFactory[] = [createLegendController, createFiltersController];

/**
 * Controllers that list the documents: rebuilt after a write (which may add one), not when the time window changes
 * (the documents stay the same, and rebuilding the timeline would stop its "play"). The support control offers up to
 * as many sources as there are documents.
 */
export const DOCUMENT_CONTROLLERS: ControllerFactory[] = [
  createDocumentsController,
  createTimelineController,
  createSupportController,
];

/** A controller that changes graph-data/ through the write API and then has the page re-fetch the graph. */
export type WriteControllerFactory = (ctx: PageContext, reload: GraphReload) => Controller;

/**
 * The controllers that write: the "Add article" form, the review of candidate relations, the review queue and the
 * merge list.
 */
export const WRITE_CONTROLLERS: WriteControllerFactory[] = [
  createIngestController,
  createReviewController,
  createReviewQueueController,
  createMergeListController,
];
