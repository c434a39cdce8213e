/**
 * Export subsets: the part of the graph a user asked for — by entity types, predicates, an ego graph or the paths
 * between two entities — as a graph of its own that any writer can export.
 */
import { MultiDirectedGraph } from "graphology";
import type { KnowledgeGraph, RelationAttributes } from "../model/types.ts";
import { egoWalk, findPaths, pathIndexOf, resolveEntity } from "../paths/index.ts";
import type { ExportSubset } from "./types.ts";

/** `not_found`/`ambiguous`: an entity reference matches no entity or several; `unknown_predicate`: a typo. */
export type SubsetErrorReason = "not_found" | "ambiguous" | "unknown_predicate";

/** Why a subset cannot be selected; the message says how to fix the request. */
export class SubsetError extends Error {
  readonly reason: SubsetErrorReason;
  readonly details: Record<string, unknown>;

  constructor(reason: SubsetErrorReason, message: string, details: Record<string, unknown>) {
    super(message);
    this.name = "SubsetError";
    this.reason = reason;
    this.details = details;
  }
}

/** True when the subset asks for anything less than the whole graph. */
export function isPartial(subset: ExportSubset): boolean {
  return Boolean(subset.types?.length || subset.predicates?.length || subset.node || subset.from || subset.to);
}

/**
 * The selected part of `graph`: the ego graph or the paths first (when asked), then the type and predicate filters.
 * With a predicate filter, nodes left without an edge are dropped. Returns `graph` itself when nothing is filtered;
 * an empty graph when nothing matches. Entity references may be ids or names; throws a {@link SubsetError} when one
 * matches no entity or several.
 */
export function selectSubset(graph: KnowledgeGraph, subset: ExportSubset): KnowledgeGraph {
  if (!isPartial(subset)) return graph;
  let nodes: Set<string> | null = null;
  let edges: Set<string> | null = null;
  if (subset.node) nodes = egoNodes(graph, resolve(graph, subset.node, "node"), subset.depth ?? 1);
  if (subset.from && subset.to) {
    const search = findPaths(graph, resolve(graph, subset.from, "from"), resolve(graph, subset.to, "to"), {
      k: subset.k ?? 1,
    });
    const onPaths = new Set(search.paths.flatMap((p) => p.nodes.map((n) => n.id)));
    nodes = nodes ? new Set([...nodes].filter((n) => onPaths.has(n))) : onPaths;
    edges = new Set(search.paths.flatMap((p) => p.edges.map((e) => e.id)));
  }
  const types = subset.types?.length ? new Set(subset.types) : null;
  const predicates = subset.predicates?.length ? knownPredicates(graph, subset.predicates) : null;
  const keepNode = (n: string) => (!nodes || nodes.has(n)) && (!types || types.has(graph.getNodeAttribute(n, "type")));
  const keepEdge = (edge: string, a: RelationAttributes, source: string, target: string) =>
    (!edges || edges.has(edge)) && (!predicates || predicates.has(a.predicate)) && keepNode(source) && keepNode(target);
  // An ego graph or a path touches a few nodes of a large graph: walk their edges, not the whole graph's.
  const candidates = nodes ? inGraphOrder(graph, nodes) : graph.nodes();
  const keptEdges: string[] = [];
  if (nodes) {
    for (const node of candidates)
      graph.forEachOutEdge(node, (edge, a, source, target) => {
        if (keepEdge(edge, a, source, target)) keptEdges.push(edge);
      });
  } else {
    graph.forEachEdge((edge, a, source, target) => {
      if (keepEdge(edge, a, source, target)) keptEdges.push(edge);
    });
  }
  const touched = predicates ? new Set(keptEdges.flatMap((e) => graph.extremities(e))) : null;
  const out: KnowledgeGraph = new MultiDirectedGraph();
  out.replaceAttributes({ ...graph.getAttributes() });
  for (const node of candidates) {
    if (keepNode(node) && (!touched || touched.has(node))) out.addNode(node, { ...graph.getNodeAttributes(node) });
  }
  for (const edge of keptEdges)
    out.addDirectedEdgeWithKey(edge, graph.source(edge), graph.target(edge), { ...graph.getEdgeAttributes(edge) });
  return out;
}

/** `nodes` in the graph's own order (the order a whole-graph export lists them in), found through the path index. */
function inGraphOrder(graph: KnowledgeGraph, nodes: Set<string>): string[] {
  const { nodeIndex } = pathIndexOf(graph);
  return [...nodes].sort((a, b) => nodeIndex.get(a)! - nodeIndex.get(b)!);
}

/**
 * The predicates as a set. Throws when none of them is used by a relation of the graph — most likely a typo; a list
 * that also names predicates the graph does not use (e.g. every predicate of the ontology) is fine.
 */
function knownPredicates(graph: KnowledgeGraph, predicates: string[]): Set<string> {
  // The path index lists the predicates in use, built once per graph: no scan of every relation per request.
  const used = new Set(pathIndexOf(graph).predicates);
  if (!predicates.some((p) => used.has(p))) {
    const known = [...used].sort().join(", ");
    const asked = predicates.map((p) => `"${p}"`).join(", ");
    throw new SubsetError("unknown_predicate", `export: no relation uses ${asked}; predicates in the graph: ${known}`, {
      predicates,
    });
  }
  return new Set(predicates);
}

/** `center` and every node within `depth` hops of it, along or against edges. */
function egoNodes(graph: KnowledgeGraph, center: string, depth: number): Set<string> {
  const index = pathIndexOf(graph);
  return new Set([...egoWalk(index, center, depth).levels.keys()].map((v) => index.nodes[v]));
}

function resolve(graph: KnowledgeGraph, text: string, field: string): string {
  const match = resolveEntity(graph, text);
  if (match.type === "found") return match.id;
  if (match.type === "ambiguous") {
    const names = match.candidates.map((c) => `"${c.label}" (${c.id})`).join(", ");
    throw new SubsetError("ambiguous", `export: ${field} "${text}" matches ${names}; give the id`, {
      field,
      candidates: match.candidates,
    });
  }
  const hint = match.suggestions.length ? ` — did you mean "${match.suggestions[0].label}"?` : "; check the spelling";
  throw new SubsetError("not_found", `export: ${field} "${text}" is not an entity of the graph${hint}`, {
    field,
    suggestions: match.suggestions,
  });
}
