/**
 * Web types: the served graph, the ontology the legend is drawn from, API results and the page's UI state.
 */
import type { MultiDirectedGraph } from "graphology";
import type { EdgeDetail, Evidence, NodeDetail, PathsResult } from "./api.ts";
import type { TimeWindow } from "./timelineWindow.ts";

export type {
  DocumentResult,
  EdgeDetail,
  Evidence,
  FoundPath,
  NodeDetail,
  OntologyInfo,
  PathsResult,
  PredicateInfo,
  TypeInfo,
} from "./api.ts";

/** Every attribute of an entity, as the builder writes them (only what the panel reads is named). */
export type NodeDetailAttributes = NodeDetail["attributes"];

/** Every attribute of a relation, as the builder writes them (only what the panels read is named). */
export type EdgeDetailAttributes = EdgeDetail["attributes"];

/** Node attributes the page draws with (from GET /api/graph?view=draw); the rest is fetched with the node's panel. */
export interface NodeAttributes {
  label: string;
  type: string;
  aliases?: string[];
  x: number;
  y: number;
  size: number;
  color: string;
  /** An overview group's id (the node stands for `members` entities, not for one). */
  group?: string;
  members?: number;
}

/** Edge attributes the page draws with; evidence, stance and the rest come with the panel (see {@link EdgeDetail}). */
export interface EdgeAttributes {
  predicate: string;
  /** The predicate's label, or an open relation's verb phrase. */
  label: string;
  status?: string;
  /** typed, open or cooccurrence (absent in graphs that do not say). */
  kind?: string;
  /** asserted, proposed, reported or hypothetical (absent in graphs that do not say). */
  modality?: string;
  /** supports, opposes or neutral (absent in graphs that do not say). */
  stance?: string;
  confidence?: number;
  /** How many relations an overview's aggregate edge stands for (absent on a relation). */
  weight?: number;
}

/** The graph the page draws. */
export type WebGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/** Re-fetches the served graph and redraws it in place (see main.ts). */
export type GraphReload = () => Promise<void>;

/** What is selected: a node, an edge, or nothing. */
export type Selection = { kind: "node"; id: string } | { kind: "edge"; id: string } | null;

/** The path finder's state: a status union, as every async piece of the page. */
export type PathState =
  | { type: "idle" }
  | { type: "loading" }
  | { type: "error"; message: string }
  | { type: "ready"; result: PathsResult; shown: number; nodes: ReadonlySet<string>; edges: ReadonlySet<string> };

/** The path finder's query, as submitted (kept for the shareable URL). */
export interface PathQueryState {
  from: string;
  to: string;
  k: number;
  maxHops: number;
}

/**
 * A document open in the panel: at a quote (`evidence`) or from its start, over the selection it was opened from
 * (`over`); another selection closes it.
 */
export interface Reading {
  doc: string;
  evidence: Evidence | null;
  over: Selection;
}

/** What the last added article brought in, drawn highlighted until cleared. */
export interface Highlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/** Transient UI state: applied through sigma's reducers, never written into the graph. */
export interface UiState {
  hovered: string | null;
  selection: Selection;
  hiddenTypes: ReadonlySet<string>;
  hiddenPredicates: ReadonlySet<string>;
  path: PathState;
  /** The path finder's last query (kept for the shareable URL). */
  pathEnds: PathQueryState | null;
  /** The document open in the panel, or null. */
  reading: Reading | null;
  layoutRunning: boolean;
  /** Entities and relations the last added article brought in, or null. */
  highlight: Highlight | null;
  /** Whether extracted relations still awaiting review are drawn. */
  showCandidates: boolean;
  /** The timeline's window: the graph shows only relations stated by a document dated within it. */
  timeWindow: TimeWindow;
}

/** A piece of the page wiring its own events; {@link Controller.kill} undoes all of it. */
export interface Controller {
  kill(): void;
}
