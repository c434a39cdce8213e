/**
 * Seeding: hands a graph the path and search indexes of its snapshot, so the first query does not build them.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { seedPathIndex } from "../paths/pathIndex.ts";
import { seedSearchIndex } from "../search/searchIndex.ts";
import { refuse } from "./read.ts";
import type { Snapshot, SnapshotRefusal } from "./types.ts";

/**
 * Seeds `graph`'s index caches from `snapshot` when the snapshot is of this very graph: the same node ids in the same
 * order and the same edge ids with the same ends, in order (O(nodes + edges) comparisons, a fraction of a build). The
 * key already ties the snapshot to the graph's file; this also catches a graph whose edge ids are made up at each
 * load (a foreign file listing edges without keys). Returns null when seeded, else the refusal.
 */
export function seedFromSnapshot(graph: KnowledgeGraph, snapshot: Snapshot, file: string): SnapshotRefusal | null {
  const mismatch = differenceFrom(graph, snapshot);
  if (mismatch) return refuse("other-graph", `snapshot: ${file} is not of the graph being served (${mismatch})`);
  seedPathIndex(graph, snapshot.pathIndex);
  seedSearchIndex(graph, snapshot.searchIndex);
  return null;
}

/** The first difference between the graph and the snapshot's ids and ends, or null when there is none. */
function differenceFrom(graph: KnowledgeGraph, snapshot: Snapshot): string | null {
  if (graph.order !== snapshot.order || graph.size !== snapshot.size)
    return `${graph.order} nodes and ${graph.size} edges against ${snapshot.order} and ${snapshot.size}`;
  const { nodes, edges, edgeSource, edgeTarget } = snapshot.columns;
  // When the snapshot was read with the graph's ids (`ids`), its strings are the graph's own: each comparison below is
  // then of one object with itself, no characters compared. forEachEdge rather than someEdge: a mismatch is rare and
  // the plain walk is faster.
  const keys = graph.nodes();
  for (let i = 0; i < keys.length; i++) if (keys[i] !== nodes[i]) return `node ${i} is not "${nodes[i]}"`;
  let e = 0;
  let differs = -1;
  graph.forEachEdge((key, _attributes, source, target) => {
    if (differs < 0 && (key !== edges[e] || source !== keys[edgeSource[e]] || target !== keys[edgeTarget[e]]))
      differs = e;
    e++;
  });
  return differs < 0 ? null : `edge ${differs} is not "${edges[differs]}" between the same ends`;
}
