/**
 * Served snapshot: at start, seeds the served graph's path and search indexes from its snapshot instead of building
 * them, and writes a fresh snapshot when the one found was refused.
 */
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
  type SnapshotRefusal,
} from "../snapshot/index.ts";
import { dataFilesOf } from "../store/dataFiles.ts";
import { logger } from "../util/logger.ts";
import type { GraphSource } from "./loadGraph.ts";

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
    // A missing or stale snapshot is the normal state after a first start or an ingest; the others are damage.
    const level = refusal.reason === "missing" || refusal.reason === "stale" ? "info" : "warn";
    logger[level]({ file: target.file, reason: refusal.reason }, refusal.message);
    return refusal;
  }
  const ms = Math.round(performance.now() - started);
  logger.info({ file: target.file, nodes: graph.order, edges: graph.size, ms }, "query indexes read from the snapshot");
  return { type: "seeded", ms };
}
