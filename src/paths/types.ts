/**
 * Path types: the options of a path query, the paths it returns and how an entity reference resolves.
 */
import type { EntityType, Evidence, Modality, RelationKind, RelationStatus, Stance } from "../model/types.ts";
import type { SearchHit } from "../search/types.ts";
import { NO_RELATION_FILTER, type RelationFilter } from "../graph/relationFilter.ts";

/** `shortest`: the k shortest loopless paths (Yen); `all`: every simple path up to maxHops, shortest first. */
export type PathMode = "shortest" | "all";

/** Tunables of {@link findPaths}. */
export interface PathOptions {
  /** How many shortest paths (mode "shortest"). */
  k: number;
  /** Longest path, in hops. */
  maxHops: number;
  /** Walk edges only from source to target; when false, a hop may go against an edge and says so. */
  directed: boolean;
  /** Predicates a hop may use; null for all. */
  predicates: string[] | null;
  /** Entity ids no path may pass through (the two endpoints are never excluded). */
  exclude: string[];
  /** Entity types a path may pass through (its two ends always may); null for all. */
  types: string[] | null;
  /** Whether relations still awaiting review (status "candidate") may be walked. */
  candidates: boolean;
  /** Edges below this confidence are not walked. */
  minConfidence: number;
  /** Only relations stated within this time window and by at least this many documents are walked. */
  relations: RelationFilter;
  mode: PathMode;
  /** Most paths returned in mode "all". */
  limit: number;
  /**
   * Wall-clock budget of one query (search, then reading the paths out of the graph); when spent it stops and says
   * `truncated: true`.
   */
  timeBudgetMs: number;
}

export const DEFAULT_PATH_OPTIONS: PathOptions = {
  k: 1,
  maxHops: 6,
  directed: false,
  predicates: null,
  exclude: [],
  types: null,
  candidates: true,
  minConfidence: 0,
  relations: NO_RELATION_FILTER,
  mode: "shortest",
  limit: 100,
  timeBudgetMs: 150,
};

/** The limits the HTTP API and CLI enforce on {@link PathOptions}. */
export const PATH_LIMITS = {
  k: { min: 1, max: 20 },
  maxHops: { min: 1, max: 8 },
  limit: { min: 1, max: 1000 },
} as const;

/** An entity on a path. */
export interface PathNode {
  id: string;
  label: string;
  type: EntityType;
}

/** Which way a hop walks its edge: along it (source → target) or against it. */
export type HopDirection = "forward" | "backward";

/** One hop: the relation walked, its evidence and which way it was walked. */
export interface PathEdge {
  id: string;
  source: string;
  target: string;
  predicate: string;
  /** The ontology's label of the predicate, e.g. "is skeptical of". */
  label: string;
  direction: HopDirection;
  confidence: number;
  /** How the text commits to the relation (asserted, proposed, reported, hypothetical), when the graph says. */
  modality?: Modality;
  /** The subject's polarity towards the object, when the graph says. */
  stance?: Stance;
  /** accepted, or candidate while awaiting review, when the graph says. */
  status?: RelationStatus;
  /** typed, open or cooccurrence, when the graph says. */
  kind?: RelationKind;
  evidence: Evidence[];
}

/** A path: `nodes[i]` —`edges[i]`→ `nodes[i + 1]`, plus the chain read as a sentence. */
export interface PathResult {
  hops: number;
  /** Sum of the hops' confidences (the tie-break between paths of equal length; higher first). */
  confidence: number;
  nodes: PathNode[];
  edges: PathEdge[];
  text: string;
}

/** The paths found; `truncated` when the time budget or the limit cut the search short. */
export interface PathSearch {
  paths: PathResult[];
  truncated: boolean;
}

/**
 * What a path plan reads besides the index, by index position: each entity's type, each relation's status and the
 * relations a time window or minimum support leaves out. The graphology graph and the served snapshot both give it.
 */
export interface PlanFacts {
  /** The type of the entity at index position `v`. */
  nodeTypeAt(v: number): string | undefined;
  /** The status of the relation at index position `e` (`candidate` while it awaits review). */
  edgeStatusAt(e: number): string | undefined;
  /** 1 for each indexed edge `filter` leaves out; null when it leaves none out. Callers must not write into it. */
  relationMask(filter: RelationFilter): Uint8Array | null;
}

/** How a user's reference to an entity ("Blinken", "antony-blinken") resolved. */
export type EntityMatch =
  | { type: "found"; id: string }
  | { type: "ambiguous"; candidates: SearchHit[] }
  | { type: "unknown"; suggestions: SearchHit[] };
