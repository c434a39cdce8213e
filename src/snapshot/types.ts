/**
 * Snapshot types: what a snapshot read back holds, and why one is refused.
 */
import type { EntityAttributes, GraphAttributes, RelationAttributes } from "../model/types.ts";
import type { PathIndex } from "../paths/pathIndex.ts";
import type { SearchIndex } from "../search/searchIndex.ts";

/** What {@link writeSnapshot} records besides the graph. */
export interface SnapshotMeta {
  /** What the graph was made from (see key.ts); a reader expecting another key refuses the snapshot as stale. */
  key: string;
}

/** What {@link readSnapshot} must find: the key the graph to serve has now, and optionally its ids. */
export interface SnapshotExpectation {
  /**
   * Null takes the snapshot's own key as it is (a read replica, which has none of the inputs to compute one): its
   * checksum still vouches for the file.
   */
  key: string | null;
  /**
   * The ids of the graph the snapshot is to serve, in its order (`graph.nodes()`, `graph.edges()`): checked byte for
   * byte against the snapshot's (refused as "other-graph" at the first difference) and then used as the index's own,
   * so a start decodes no copies of millions of ids.
   */
  ids?: { nodes: string[]; edges: string[] };
}

/**
 * The columns the served routes read, by node or edge index (the path index's order: the graph's insertion order).
 * Every typed array views the one SharedArrayBuffer the file was read into.
 */
export interface SnapshotColumns {
  nodes: string[];
  labels: string[];
  /** Index into `typeNames`, per node. */
  nodeType: Int32Array;
  typeNames: string[];
  /** Float64 so they equal the graph's attributes exactly; NaN where a node has none. */
  x: Float64Array;
  y: Float64Array;
  size: Float64Array;
  edges: string[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Index into `predicates`. */
  edgePredicate: Int32Array;
  predicates: string[];
  edgeConfidence: Float64Array;
  /** Index into `statusNames`, per edge ("" where an edge has none). */
  edgeStatus: Uint8Array;
  statusNames: string[];
}

/** A snapshot read back and checked. */
export interface Snapshot {
  key: string;
  /** The header's checksum (see format.ts): one value that tells two snapshots apart. */
  checksum: string;
  order: number;
  size: number;
  /** Equal, array for array, to `buildPathIndex(graph)` of the graph it was written from. */
  pathIndex: PathIndex;
  /** Answers every search as `buildSearchIndex(graph)` does. */
  searchIndex: SearchIndex;
  columns: SnapshotColumns;
  /** The graph's own attributes (name, documents, builtFrom…). */
  graphAttributes: GraphAttributes;
  /**
   * A node's attributes, read from the file and decoded on each call (its block checked against its hash the first
   * time); null for an unknown id. Throws when the records are damaged or the snapshot was closed.
   */
  nodeAttributes: (id: string) => EntityAttributes | null;
  /** An edge's attributes, like {@link Snapshot.nodeAttributes}. */
  edgeAttributes: (id: string) => RelationAttributes | null;
  /**
   * The attributes of the nodes at index positions `[from, to)`, in one read and one parse: what building the graph
   * from the snapshot reads. Throws like {@link Snapshot.nodeAttributes}.
   */
  nodeRecords: (from: number, to: number) => EntityAttributes[];
  /** The attributes of the edges at positions `[from, to)`, like {@link Snapshot.nodeRecords}. */
  edgeRecords: (from: number, to: number) => RelationAttributes[];
  /** How many hashed blocks the attribute records are stored in (see {@link Snapshot.checkRecordBlocks}). */
  recordBlocks: number;
  /**
   * Reads the record blocks `[from, to)` and checks them against their hashes now rather than on first use (a replica
   * checks a new snapshot whole before serving it); throws at the first damaged block, like the readers above.
   */
  checkRecordBlocks: (from: number, to: number) => void;
  /** Closes the file the attribute records are read from (the indexes and columns stay usable). */
  close: () => void;
}

/** Why a snapshot is not used. */
export type SnapshotRefusalReason =
  | "missing"
  | "unreadable"
  | "not-a-snapshot"
  | "version"
  | "truncated"
  | "corrupt"
  | "checksum"
  | "stale"
  | "other-graph";

/** A snapshot that was not used; `message` says what was wrong and that the indexes will be rebuilt. */
export interface SnapshotRefusal {
  type: "refused";
  reason: SnapshotRefusalReason;
  message: string;
  /** What was wrong alone, for a caller that does something else next (a read replica keeps its last snapshot). */
  problem: string;
}

/** What {@link readSnapshot} answers: the whole snapshot, or a refusal (never a half-read one). */
export type SnapshotReadResult = { type: "ok"; snapshot: Snapshot } | SnapshotRefusal;
