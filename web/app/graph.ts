/**
 * Graph loading: builds the page's graph from the server's drawing payload and derives the legend when the server has
 * no ontology.
 */
import { MultiDirectedGraph } from "graphology";
import type { DrawGraph } from "./api.ts";
import { isOpenRelation } from "./relationKind.ts";
import type { EdgeAttributes, NodeAttributes, OntologyInfo, TypeInfo, WebGraph } from "./types.ts";

const FALLBACK_COLOR = "#8c8c8c";

/** A drawing payload whose columns disagree; the message names the column. */
function broken(what: string): Error {
  return new Error(
    `graph: the drawing payload is inconsistent (${what}); reload the page, or check /api/graph?view=draw`,
  );
}

/** Checks that every column of `table` has `length` entries. */
function checkColumns(table: Record<string, unknown[]>, length: number, name: string): void {
  for (const [column, values] of Object.entries(table)) {
    if (values.length !== length) throw broken(`${name}.${column} has ${values.length} entries, not ${length}`);
  }
}

const isText = (value: unknown): value is string => typeof value === "string";
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/**
 * Builds the page's graph from GET /api/graph?view=draw, checking every value on the way (the API client checks only
 * the payload's outline, see api.ts). Throws when a value has the wrong type or the columns disagree (lengths, indices
 * out of range), so a broken answer is reported instead of drawn half.
 */
export function graphFromDraw(data: DrawGraph): WebGraph {
  const { nodes, edges, nodeKinds, edgeKinds } = data;
  checkColumns(nodes, nodes.key.length, "nodes");
  checkColumns(edges, edges.key.length, "edges");
  const graph: WebGraph = new MultiDirectedGraph();
  for (let i = 0; i < nodes.key.length; i++) {
    const [key, label, x, y, size] = [nodes.key[i], nodes.label[i], nodes.x[i], nodes.y[i], nodes.size[i]];
    const kind = nodeKinds[nodes.kind[i]];
    if (!isText(key) || !isText(label) || !isNumber(x) || !isNumber(y) || !isNumber(size)) {
      throw broken(`node ${i} needs a text key and label and numeric x, y and size`);
    }
    if (!kind) throw broken(`node ${key} has no kind ${nodes.kind[i]}`);
    const attributes: NodeAttributes = { label, type: kind.type, x, y, size, color: kind.color };
    const aliases = nodes.aliases[i];
    if (aliases !== null) {
      if (!Array.isArray(aliases) || !aliases.every(isText)) throw broken(`node ${key} has aliases that are not text`);
      attributes.aliases = aliases;
    }
    const [group, members] = [nodes.group?.[i] ?? null, nodes.members?.[i] ?? null];
    if (group !== null) {
      if (!isText(group) || !isNumber(members)) throw broken(`group node ${key} needs a text group and a member count`);
      Object.assign(attributes, { group, members });
    }
    graph.addNode(key, attributes);
  }
  for (let i = 0; i < edges.key.length; i++) {
    const key = edges.key[i];
    const kind = edgeKinds[edges.kind[i]];
    const source = nodes.key[edges.source[i]];
    const target = nodes.key[edges.target[i]];
    if (!isText(key)) throw broken(`edge ${i} has no text key`);
    if (!kind || source === undefined || target === undefined) throw broken(`edge ${key} refers to nothing`);
    const attributes: EdgeAttributes = { predicate: kind.predicate, label: kind.label };
    if (kind.status !== null) attributes.status = kind.status;
    if (typeof kind.kind === "string") attributes.kind = kind.kind;
    if (typeof kind.modality === "string") attributes.modality = kind.modality;
    if (typeof kind.stance === "string") attributes.stance = kind.stance;
    const confidence = edges.confidence[i];
    if (confidence !== null) {
      if (!isNumber(confidence)) throw broken(`edge ${key} has a confidence that is not a number`);
      attributes.confidence = confidence;
    }
    const weight = edges.weight?.[i] ?? null;
    if (weight !== null) {
      if (!isNumber(weight)) throw broken(`edge ${key} has a weight that is not a number`);
      attributes.weight = weight;
    }
    graph.addDirectedEdgeWithKey(key, source, target, attributes);
  }
  return graph;
}

/**
 * Adds what `data` (a part of a large graph: an overview group, a subgraph) has and `graph` lacks, leaving what is
 * drawn already as it is (a node keeps its place). Returns the nodes added.
 */
export function mergeDraw(graph: WebGraph, data: DrawGraph): string[] {
  const part = graphFromDraw(data);
  const added: string[] = [];
  part.forEachNode((node, attributes) => {
    if (graph.hasNode(node)) return;
    graph.addNode(node, attributes);
    added.push(node);
  });
  part.forEachEdge((edge, attributes, source, target) => {
    if (!graph.hasEdge(edge)) graph.addDirectedEdgeWithKey(edge, source, target, attributes);
  });
  return added;
}

/** Whether `node` is an overview group (it stands for many entities) rather than an entity. */
export const isGroup = (graph: WebGraph, node: string): boolean => graph.getNodeAttribute(node, "group") !== undefined;

/** Whether `edge` is an overview aggregate (it stands for many relations) rather than a relation. */
export const isAggregate = (graph: WebGraph, edge: string): boolean =>
  graph.getEdgeAttribute(edge, "weight") !== undefined;

/** The builder's positions, kept so "reset layout" can restore them after ForceAtlas2 or noverlap moved nodes. */
export function snapshotPositions(graph: WebGraph): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  graph.forEachNode((node, attributes) => positions.set(node, { x: attributes.x, y: attributes.y }));
  return positions;
}

/** "organization" → "Organization", for types and predicates the ontology does not describe. */
function titleCase(id: string): string {
  const words = id.replace(/[_-]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Completes `ontology` with every type and predicate present in the graph (all of them when `ontology` is null, e.g.
 * a standalone graph file), so the legend and the filters always cover what is drawn.
 */
export function ontologyForGraph(graph: WebGraph, ontology: OntologyInfo | null): OntologyInfo {
  const types = new Map((ontology?.types ?? []).map((t) => [t.id, t]));
  const predicates = new Map((ontology?.predicates ?? []).map((p) => [p.id, p]));
  const missing = new Map<string, Omit<TypeInfo, "description"> & { count: number }>();
  // Overview groups and aggregate edges are not entities or relations: the legend and the filters leave them out.
  graph.forEachNode((_node, { type, color, group }) => {
    if (types.has(type) || group !== undefined) return;
    const seen = missing.get(type);
    if (seen) seen.count++;
    else missing.set(type, { id: type, label: titleCase(type), color: color || FALLBACK_COLOR, count: 1 });
  });
  // Types the ontology does not describe come after its own, most frequent first.
  for (const { count: _count, ...type } of [...missing.values()].sort((a, b) => b.count - a.count)) {
    types.set(type.id, { ...type, description: "" });
  }
  graph.forEachEdge((_edge, attributes) => {
    const { predicate } = attributes;
    if (predicates.has(predicate) || attributes.weight !== undefined) return;
    // An open relation's label is its verb phrase, not a name for its predicate.
    const label = isOpenRelation(attributes) ? "" : attributes.label;
    // Nothing says a guessed predicate reads the same both ways, so it is not symmetric (as on the server).
    predicates.set(predicate, {
      id: predicate,
      label: label || titleCase(predicate),
      inverse: label || predicate,
      symmetric: false,
    });
  });
  return { types: [...types.values()], predicates: [...predicates.values()] };
}

/** Number of nodes per type and edges per predicate, for the legend's and the filters' counts. */
export function countByKind(graph: WebGraph): { types: Map<string, number>; predicates: Map<string, number> } {
  const types = new Map<string, number>();
  const predicates = new Map<string, number>();
  graph.forEachNode((_n, { type, group }) => {
    if (group === undefined) types.set(type, (types.get(type) ?? 0) + 1);
  });
  graph.forEachEdge((_e, { predicate, weight }) => {
    if (weight === undefined) predicates.set(predicate, (predicates.get(predicate) ?? 0) + 1);
  });
  return { types, predicates };
}
