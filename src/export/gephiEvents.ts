/**
 * Gephi streaming events: a graph, or the change between two versions of it, as the JSON events of Gephi's Graph
 * Streaming plugin (`{"an":{id:{…}}}` add node, `cn` change, `dn` delete; `ae`/`ce`/`de` for edges).
 */
import type { Attributes } from "graphology-types";
import type { KnowledgeGraph } from "../model/types.ts";
import { parseColor } from "./color.ts";

/** The plugin's operations: add, change, delete a node (`an`, `cn`, `dn`) or an edge (`ae`, `ce`, `de`). */
export type GephiOperation = "an" | "cn" | "dn" | "ae" | "ce" | "de";

/** One streaming event: one operation on one element, `{ op: { id: attributes } }`. */
export type GephiEvent = Partial<Record<GephiOperation, Record<string, Record<string, unknown>>>>;

/** A node's event attributes: label, colour as r/g/b in [0, 1], size, position, and its model attributes. */
export function nodeEventAttributes(a: Attributes): Record<string, unknown> {
  const { x, y, size, color, label, ...rest } = a;
  const rgb = parseColor(color);
  return {
    label: label ?? "",
    ...(rgb ? { r: rgb.r / 255, g: rgb.g / 255, b: rgb.b / 255 } : {}),
    ...(typeof size === "number" ? { size } : {}),
    ...(typeof x === "number" ? { x } : {}),
    ...(typeof y === "number" ? { y } : {}),
    ...flat(rest),
  };
}

/** An edge's event attributes: ends, direction, weight (its confidence), label and model attributes. */
export function edgeEventAttributes(source: string, target: string, a: Attributes): Record<string, unknown> {
  const { label, confidence, ...rest } = a;
  return {
    source,
    target,
    directed: true,
    label: label ?? "",
    ...(typeof confidence === "number" ? { weight: confidence, confidence } : {}),
    ...flat(rest),
  };
}

/** Every node, then every edge, as add events. */
export function* graphEvents(graph: KnowledgeGraph): Generator<GephiEvent> {
  for (const { node, attributes } of graph.nodeEntries()) yield { an: { [node]: nodeEventAttributes(attributes) } };
  for (const { edge, source, target, attributes } of graph.edgeEntries())
    yield { ae: { [edge]: edgeEventAttributes(source, target, attributes) } };
}

/**
 * The events that turn `before` into `after`: edges deleted first (Gephi drops a node's edges with it), then nodes
 * deleted, added or changed, then edges added or changed. Unchanged elements give no event.
 */
export function* diffEvents(before: KnowledgeGraph, after: KnowledgeGraph): Generator<GephiEvent> {
  for (const edge of before.edges()) if (!after.hasEdge(edge)) yield { de: { [edge]: {} } };
  for (const node of before.nodes()) if (!after.hasNode(node)) yield { dn: { [node]: {} } };
  for (const { node, attributes } of after.nodeEntries()) {
    if (!before.hasNode(node)) yield { an: { [node]: nodeEventAttributes(attributes) } };
    else if (!same(before.getNodeAttributes(node), attributes))
      yield { cn: { [node]: nodeEventAttributes(attributes) } };
  }
  for (const { edge, source, target, attributes } of after.edgeEntries()) {
    const event = edgeEventAttributes(source, target, attributes);
    if (!before.hasEdge(edge)) yield { ae: { [edge]: event } };
    else if (before.source(edge) !== source || before.target(edge) !== target) {
      // An edge cannot move in Gephi: a merge that re-points it is a delete and an add.
      yield { de: { [edge]: {} } };
      yield { ae: { [edge]: event } };
    } else if (!same(before.getEdgeAttributes(edge), attributes)) yield { ce: { [edge]: event } };
  }
}

// Gephi's columns hold scalars and lists of scalars: objects (evidence, qualifiers) travel as JSON text.
function flat(attributes: Attributes): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    const scalarList = Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null);
    out[key] = typeof value === "object" && !scalarList ? JSON.stringify(value) : value;
  }
  return out;
}

function same(a: Attributes, b: Attributes): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
