/**
 * Served view: the small read-only surface the path, search, node-detail and neighbour answers read, so one function
 * answers each query whether the graphology graph is built or only its snapshot has been read.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { graphPlanFacts, pathIndexOf, type AttributeSource, type PathIndex, type PlanFacts } from "../paths/index.ts";
import { searchIndexOf, type SearchIndex } from "../search/index.ts";
import { ownerMap } from "../util/ownerMaps.ts";

/**
 * What the answers read: the path and search indexes (whose positions every per-position accessor shares), ids, and
 * attributes by id. Implemented by {@link graphView} and by the snapshot's view (snapshotView.ts).
 */
export interface ServedView extends AttributeSource {
  readonly order: number;
  readonly size: number;
  readonly pathIndex: PathIndex;
  readonly searchIndex: SearchIndex;
  hasNode(id: string): boolean;
  /** Types, statuses and relation masks for a path plan. */
  planFacts(): PlanFacts;
  /**
   * Whether `planFacts().relationMask` can apply a time window or minimum support: that needs every relation's
   * evidence, which a snapshot keeps in its records on disk.
   */
  readonly filtersRelations: boolean;
}

// One view per graph object: a replaced graph drops its view with it.
const VIEWS = ownerMap<KnowledgeGraph, ServedView>();

/** The view of a graphology graph: its cached indexes (built on first use) and its attributes. */
export function graphView(graph: KnowledgeGraph): ServedView {
  let view = VIEWS.get(graph);
  if (!view) {
    view = {
      get order() {
        return graph.order;
      },
      get size() {
        return graph.size;
      },
      get pathIndex() {
        return pathIndexOf(graph);
      },
      get searchIndex() {
        return searchIndexOf(graph);
      },
      hasNode: (id) => graph.hasNode(id),
      getNodeAttributes: (id) => graph.getNodeAttributes(id),
      edgeAttributesAt: (e) => graph.getEdgeAttributes(pathIndexOf(graph).edges[e]),
      planFacts: () => graphPlanFacts(graph, pathIndexOf(graph)),
      filtersRelations: true,
    };
    VIEWS.set(graph, view);
  }
  return view;
}
