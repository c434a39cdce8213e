/**
 * Snapshot view: the served view of a snapshot read at start, answering paths, search, node detail and neighbours
 * before (or without) the graphology graph.
 */
import { isFiltering } from "../graph/relationFilter.ts";
import type { EntityAttributes, RelationAttributes } from "../model/types.ts";
import type { PlanFacts } from "../paths/index.ts";
import type { Snapshot } from "../snapshot/index.ts";
import type { ServedView } from "./servedView.ts";

/**
 * The view of `snapshot`: its indexes and columns, attributes read from its records on demand. A time window or
 * minimum support cannot be applied (every relation's evidence would have to be read from disk): callers check
 * `filtersRelations` and answer such queries on the graph once it is built.
 */
export function snapshotView(snapshot: Snapshot): ServedView {
  const { pathIndex, searchIndex, columns } = snapshot;
  const facts: PlanFacts = {
    nodeTypeAt: (v) => searchIndex.types[v],
    edgeStatusAt: (e) => columns.statusNames[columns.edgeStatus[e]],
    relationMask: (filter) => {
      if (!isFiltering(filter)) return null;
      throw new Error("snapshot view: a relation filter needs every relation's evidence; answer it on the graph");
    },
  };
  return {
    order: snapshot.order,
    size: snapshot.size,
    pathIndex,
    searchIndex,
    hasNode: (id) => pathIndex.nodeIndex.has(id),
    getNodeAttributes: (id) => found(snapshot.nodeAttributes(id), "node", id),
    // By position: snapshot.edgeAttributes(id) would first build a map of every edge id (seconds at 5M edges).
    edgeAttributesAt: (e) => found(snapshot.edgeRecords(e, e + 1)[0] ?? null, "edge", String(e)),
    planFacts: () => facts,
    filtersRelations: false,
  };
}

function found<T extends EntityAttributes | RelationAttributes>(value: T | null, what: string, id: string): T {
  // graphology throws for an unknown key too: the answers ask only for ids they found in the index.
  if (value === null) throw new Error(`snapshot view: the snapshot has no ${what} "${id}"`);
  return value;
}
