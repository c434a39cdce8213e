/**
 * Page context: what every controller receives — the graph, the renderer, the UI state and the derived helpers.
 */
import type Sigma from "sigma";
import type { DocumentList } from "./api.ts";
import type { Overview } from "./overview.ts";
import type { SearchFn } from "./search.ts";
import type { UiStateHolder } from "./uiState.ts";
import type { EdgeAttributes, NodeAttributes, OntologyInfo, WebGraph } from "./types.ts";
import type { Visibility } from "./visibility.ts";

/** Shared by all controllers; built once in main.ts. */
export interface PageContext {
  graph: WebGraph;
  renderer: Sigma<NodeAttributes, EdgeAttributes>;
  ui: UiStateHolder;
  ontology: OntologyInfo;
  search: SearchFn;
  /** The builder's positions, for "reset layout". */
  positions: ReadonlyMap<string, { x: number; y: number }>;
  /** The filters' outcome for the current state. */
  visibility: () => Visibility;
  /** Nodes per type and edges per predicate (recounted in place when the graph is re-fetched or an overview grows). */
  counts: { types: ReadonlyMap<string, number>; predicates: ReadonlyMap<string, number> };
  /** The graph's name and its documents (fetched once per load of the graph; rejects when the server cannot say). */
  documents: () => Promise<DocumentList>;
  /** Shows a short message in the status line (read by screen readers). */
  announce: (message: string) => void;
  /** The overview of a graph too large to draw in full (groups expand on demand); null when it is drawn in full. */
  overview: Overview | null;
}

/** The label of a predicate, read from its subject (`outgoing`) or from its object. */
export function predicateLabel(ctx: PageContext, predicate: string, outgoing: boolean): string {
  const info = ctx.ontology.predicates.find((p) => p.id === predicate);
  if (!info) return predicate;
  return outgoing ? info.label : info.inverse;
}

/** The legend label of a type. */
export function typeLabel(ctx: PageContext, type: string): string {
  return ctx.ontology.types.find((t) => t.id === type)?.label ?? type;
}
