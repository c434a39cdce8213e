/**
 * Seeding: hands a graph the path and search indexes of its snapshot, so the first query does not build them.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { seedPathIndex } from "../paths/pathIndex.ts";
import { seedSearchIndex } from "../search/searchIndex.ts";
import { refuse } from "./read.ts";
import type { Snapshot, SnapshotRefusal } from "./types.ts";

/**
 * Seeds `graph`'s index caches from `snapshot` when the snapshot is of this very graph: the same node ids and edge
 * ids, in order. Returns null when seeded, else the refusal.
 *
 * Ends and attributes are not compared: the snapshot's key already ties it to the graph file it was made with (its
 * input fingerprint and stat, or a foreign file's content hash), so the same ids in the same order are the same graph.
 * The ids are what the key cannot vouch for: a foreign file listing edges without keys gets new edge ids at each
 * load. Read with the graph's ids (`readSnapshot`'s `ids`), the comparisons are of each string with itself.
 */
export function seedFromSnapshot(graph: KnowledgeGraph, snapshot: Snapshot, file: string): SnapshotRefusal | null {
  const mismatch = differenceFrom(graph, snapshot);
  if (mismatch) return refuse("other-graph", `snapshot: ${file} is not of the graph being served (${mismatch})`);
  seedPathIndex(graph, snapshot.pathIndex);
  seedSearchIndex(graph, snapshot.searchIndex);
  return null;
}

/** The first difference between the graph's ids and the snapshot's, or null when there is none. */
function differenceFrom(graph: KnowledgeGraph, snapshot: Snapshot): string | null {
  if (graph.order !== snapshot.order || graph.size !== snapshot.size)
    return `${graph.order} nodes and ${graph.size} edges against ${snapshot.order} and ${snapshot.size}`;
  const node = firstDifference(graph.nodes(), snapshot.columns.nodes);
  if (node >= 0) return `node ${node} is not "${snapshot.columns.nodes[node]}"`;
  const edge = firstDifference(graph.edges(), snapshot.columns.edges);
  return edge >= 0 ? `edge ${edge} is not "${snapshot.columns.edges[edge]}"` : null;
}

function firstDifference(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}
