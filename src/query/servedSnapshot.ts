/**
 * Served snapshot: at start, the snapshot to serve from before the graph is loaded, or seeds the loaded graph's path
 * and search indexes from it instead of building them, and writes a fresh snapshot when the one found was refused.
 */
import { fingerprintInputs } from "../graph/fingerprint.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { cachedPathIndex } from "../paths/index.ts";
import { cachedSearchIndex } from "../search/index.ts";
import {
  builtGraphKey,
  foreignFileKey,
  foreignSnapshotPath,
  readSnapshot,
  seedFromSnapshot,
  snapshotPathOf,
  type Snapshot,
  type SnapshotRefusal,
} from "../snapshot/index.ts";
import { dataFilesOf } from "../store/dataFiles.ts";
import { logger } from "../util/logger.ts";
import type { GraphSource } from "./loadGraph.ts";
import { removeStaleTemporaries } from "../store/temporaryFiles.ts";

/** How graphology names an edge added without a key (it tells them apart the same way when it prints a graph). */
const GENERATED_EDGE_KEY = "geid_";

/** Where the served graph's snapshot lives and what it must have been made from. */
export interface SnapshotTarget {
  file: string;
  key: string;
}

/** What {@link seedServedIndexes} did. */
export type SeedOutcome =
  | { type: "seeded"; ms: number }
  /** The indexes were already built (the graph was just built from graph-data/, which wrote its snapshot). */
  | { type: "built" }
  /** The graph has no snapshot place or key (a folder, a partial build). */
  | { type: "none" }
  | SnapshotRefusal;

/**
 * The snapshot of the graph served from `source`: beside graph-data/'s build file, keyed by the fingerprint the graph
 * was built from and the file's stat; for a foreign file, in its `.kg-cache/` (or the user's cache), keyed by its
 * path, stat and content hash. Null when there is none to have, or none worth keeping: a foreign file whose edges
 * have no keys gets new ones at each load, so its snapshot could never be used.
 */
export function snapshotTargetOf(graph: KnowledgeGraph, source: GraphSource): SnapshotTarget | null {
  if (source.graphFile) {
    if (graph.someEdge((edge) => edge.startsWith(GENERATED_EDGE_KEY))) {
      logger.info({ file: source.graphFile }, "the graph file's edges have no ids: no snapshot is kept for it");
      return null;
    }
    const key = foreignFileKey(source.graphFile);
    return key ? { file: foreignSnapshotPath(source.graphFile), key } : null;
  }
  const graphFile = dataFilesOf(source.dataRoot).builtGraph;
  const key = builtGraphKey(graph.getAttribute("builtFrom"), graphFile);
  return key ? { file: snapshotPathOf(graphFile), key } : null;
}

/**
 * Where the snapshot of `source` is and the key it must have, before its graph is loaded: for graph-data/'s build,
 * keyed by the fingerprint of graph-data/ as it is now (a snapshot of an earlier build is then stale); for a foreign
 * file, by its path, stat and content hash. Null when there is none to have (a folder, no build file yet).
 */
export function startTargetOf(source: GraphSource): SnapshotTarget | null {
  if (source.graphFile) {
    const key = foreignFileKey(source.graphFile);
    return key ? { file: foreignSnapshotPath(source.graphFile), key } : null;
  }
  const dataFiles = dataFilesOf(source.dataRoot);
  const key = builtGraphKey(fingerprintInputs(dataFiles), dataFiles.builtGraph);
  return key ? { file: snapshotPathOf(dataFiles.builtGraph), key } : null;
}

/** What {@link readStartSnapshot} found: a snapshot to serve from, a refusal (logged), or no place for one. */
export type StartSnapshot = { type: "ok"; snapshot: Snapshot; target: SnapshotTarget } | SnapshotRefusal | null;

/**
 * The snapshot to start serving from, read and checked before the graph is loaded (its ids decoded from the file); a
 * refused one is logged like {@link seedServedIndexes} logs it, and the caller loads the graph as before.
 */
export function readStartSnapshot(source: GraphSource): StartSnapshot {
  const target = startTargetOf(source);
  if (!target) return null;
  // A valid snapshot means no write follows to sweep what a killed writer left beside it: sweep now.
  removeStaleTemporaries(target.file);
  const started = performance.now();
  const read = readSnapshot(target.file, { key: target.key });
  if (read.type === "refused") {
    logRefusal(target, read);
    return read;
  }
  const { order, size } = read.snapshot;
  logger.info(
    { file: target.file, nodes: order, edges: size, ms: Math.round(performance.now() - started) },
    "snapshot read",
  );
  return { type: "ok", snapshot: read.snapshot, target };
}

/**
 * Seeds `graph`'s index caches from the snapshot at `target` when it is valid and of this graph; a refused one is
 * logged (the caller builds the indexes, then writes a fresh snapshot with `saveSnapshot`).
 */
export function seedServedIndexes(graph: KnowledgeGraph, target: SnapshotTarget | null): SeedOutcome {
  if (cachedPathIndex(graph) && cachedSearchIndex(graph)) return { type: "built" };
  if (!target) return { type: "none" };
  const started = performance.now();
  const read = readSnapshot(target.file, { key: target.key, ids: { nodes: graph.nodes(), edges: graph.edges() } });
  const refusal = read.type === "ok" ? seedFromSnapshot(graph, read.snapshot, target.file) : read;
  // The routes still read attributes from the graph: the records' file handle is not needed.
  if (read.type === "ok") read.snapshot.close();
  if (refusal) {
    logRefusal(target, refusal);
    return refusal;
  }
  const ms = Math.round(performance.now() - started);
  logger.info({ file: target.file, nodes: graph.order, edges: graph.size, ms }, "query indexes read from the snapshot");
  return { type: "seeded", ms };
}

function logRefusal(target: SnapshotTarget, refusal: SnapshotRefusal): void {
  // A missing or stale snapshot is the normal state after a first start or an ingest; the others are damage.
  const level = refusal.reason === "missing" || refusal.reason === "stale" ? "info" : "warn";
  logger[level]({ file: target.file, reason: refusal.reason }, refusal.message);
}
