/**
 * Web types: the served graph, the ontology the legend is drawn from, API results and the page's UI state.
 */
import type { MultiDirectedGraph } from "graphology";

/** One piece of evidence: a verbatim quote and its [start, end) offsets in the document. */
export interface Evidence {
  doc: string;
  quote: string;
  start: number;
  end: number;
}

/** Node attributes the page draws with (from GET /api/graph?view=draw); the rest is fetched with the node's panel. */
export interface NodeAttributes {
  label: string;
  type: string;
  aliases?: string[];
  x: number;
  y: number;
  size: number;
  color: string;
}

/** Edge attributes the page draws with; evidence, stance and the rest come with the panel (see {@link EdgeDetail}). */
export interface EdgeAttributes {
  predicate: string;
  /** The predicate's label, or an open relation's verb phrase. */
  label: string;
  status?: string;
  /** typed, open or cooccurrence (absent in graphs that do not say). */
  kind?: string;
  confidence?: number;
}

/** Every attribute of an entity, as the builder writes them (only what the panel reads is named). */
export interface NodeDetailAttributes {
  label: string;
  type: string;
  subtype?: string;
  aliases?: string[];
  description?: string;
}

/** Every attribute of a relation, as the builder writes them (only what the panels read is named). */
export interface EdgeDetailAttributes {
  predicate: string;
  label: string;
  evidence: Evidence[];
  stance?: string;
  modality?: string;
  confidence?: number;
  source?: string;
  status?: string;
  kind?: string;
  /** The predicate's Wikidata property, e.g. P131. */
  wikidata?: string;
  qualifiers?: Record<string, string>;
}

/** GET /api/graph/edges/:id: a relation with its ends and every attribute. */
export interface EdgeDetail {
  key: string;
  source: string;
  target: string;
  attributes: EdgeDetailAttributes;
}

/** GET /api/graph/nodes/:id: an entity, every attribute, and its relations (at most the first `limit`). */
export interface NodeDetail {
  key: string;
  attributes: NodeDetailAttributes;
  degree: number;
  edges: EdgeDetail[];
  truncated: boolean;
}

/** The graph the page draws. */
export type WebGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/** Re-fetches the served graph and redraws it in place (see main.ts). */
export type GraphReload = () => Promise<void>;

/** An entity type of the legend. */
export interface TypeInfo {
  id: string;
  label: string;
  color: string;
}

/** A predicate: its label and the label read from the object's side. */
export interface PredicateInfo {
  id: string;
  label: string;
  inverse: string;
  /** Wikidata properties of the predicate (same direction, inverse), when the ontology gives them. */
  wikidata?: string;
  wikidataInverse?: string;
}

/** What the legend and the panels need from the ontology. */
export interface OntologyInfo {
  types: TypeInfo[];
  predicates: PredicateInfo[];
}

/** A hop of a path as /api/paths returns it. */
export interface PathEdge {
  id: string;
  source: string;
  target: string;
  predicate: string;
  label: string;
  direction: string;
  evidence: Evidence[];
}

/** One path of /api/paths. */
export interface FoundPath {
  hops: number;
  nodes: { id: string; label: string; type: string }[];
  edges: PathEdge[];
  text: string;
}

/** The /api/paths answer. */
export interface PathsResult {
  paths: FoundPath[];
}

/** A document of /api/documents/:id. */
export interface DocumentResult {
  id: string;
  text: string;
  meta: Record<string, unknown>;
}

/** What is selected: a node, an edge, or nothing. */
export type Selection = { kind: "node"; id: string } | { kind: "edge"; id: string } | null;

/** The path finder's state: a status union, as every async piece of the page. */
export type PathState =
  | { type: "idle" }
  | { type: "loading" }
  | { type: "error"; message: string }
  | { type: "ready"; result: PathsResult; shown: number; nodes: ReadonlySet<string>; edges: ReadonlySet<string> };

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
  /** Endpoints typed in the path finder (kept for the shareable URL). */
  pathEnds: { from: string; to: string } | null;
  layoutRunning: boolean;
  /** Entities and relations the last added article brought in, or null. */
  highlight: Highlight | null;
  /** Whether extracted relations still awaiting review are drawn. */
  showCandidates: boolean;
}

/** A piece of the page wiring its own events; {@link Controller.kill} undoes all of it. */
export interface Controller {
  kill(): void;
}
