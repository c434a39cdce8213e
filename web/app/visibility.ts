/**
 * Visibility: which nodes and edges the type and predicate filters leave on screen, computed once per filter change.
 */
import type { WebGraph } from "./types.ts";

/** The outcome of the filters. */
export interface Visibility {
  hiddenNodes: ReadonlySet<string>;
  visibleNodeCount: number;
  isEdgeVisible: (edge: string) => boolean;
}

/**
 * Applies the filters: a node is hidden when its type is; an edge when its predicate or an extremity is. While some
 * predicate is filtered out, nodes left with no visible relation are hidden too, so the view shows who takes part in
 * the relations kept.
 */
export function computeVisibility(
  graph: WebGraph,
  hiddenTypes: ReadonlySet<string>,
  hiddenPredicates: ReadonlySet<string>,
): Visibility {
  const hiddenNodes = new Set<string>();
  graph.forEachNode((node, { type }) => {
    if (hiddenTypes.has(type)) hiddenNodes.add(node);
  });
  const edgeShown = (edge: string) =>
    !hiddenPredicates.has(graph.getEdgeAttribute(edge, "predicate")) &&
    !hiddenNodes.has(graph.source(edge)) &&
    !hiddenNodes.has(graph.target(edge));
  if (hiddenPredicates.size > 0) {
    graph.forEachNode((node) => {
      if (hiddenNodes.has(node) || graph.degree(node) === 0) return;
      if (!graph.someEdge(node, (edge) => !hiddenPredicates.has(graph.getEdgeAttribute(edge, "predicate")))) {
        hiddenNodes.add(node);
      }
    });
  }
  return { hiddenNodes, visibleNodeCount: graph.order - hiddenNodes.size, isEdgeVisible: edgeShown };
}

/** Memoises {@link computeVisibility} on the identity of the two filter sets (the UI state replaces them on change). */
export function visibilityCache(graph: WebGraph) {
  let last: { types: ReadonlySet<string>; predicates: ReadonlySet<string>; value: Visibility } | null = null;
  return (types: ReadonlySet<string>, predicates: ReadonlySet<string>): Visibility => {
    if (!last || last.types !== types || last.predicates !== predicates) {
      last = { types, predicates, value: computeVisibility(graph, types, predicates) };
    }
    return last.value;
  };
}
