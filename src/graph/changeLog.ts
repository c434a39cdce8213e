/**
 * Change log: records, from graphology's events, what a write does to its private copy of the served graph, so that
 * the same change can later be replayed onto the previous version instead of copying the whole new graph again.
 */
import type { GraphEvents } from "graphology-types";
import type { EntityAttributes, GraphAttributes, KnowledgeGraph, RelationAttributes } from "../model/types.ts";
import type { Steps } from "../util/slices.ts";
import { shallowCopy } from "../util/shallowCopy.ts";

/** Elements whose attributes are brought over between two points where a replay in slices may pause. */
const STEP = 1024;

/** A change of structure, in the order made: replayed as is, so both graphs keep the same order of nodes and edges. */
export type StructureChange =
  | { type: "addNode"; key: string }
  | { type: "dropNode"; key: string }
  | { type: "addEdge"; key: string; source: string; target: string; undirected: boolean }
  | { type: "dropEdge"; key: string };

/** What a graph went through while it was recorded. */
export interface ChangeLog {
  structure: StructureChange[];
  /** Nodes and edges whose attributes were set, merged, updated or replaced (or that were added). */
  nodes: Set<string>;
  edges: Set<string>;
  /** The graph's own attributes changed. */
  graph: boolean;
  /** Every node's or edge's attributes may have changed (`updateEachNodeAttributes` and the like). */
  allNodes: boolean;
  allEdges: boolean;
  /** `clear()` or `clearEdges()`: not replayed (the previous version is copied instead). */
  cleared: boolean;
}

/** A recording under way: its log, and what stops it. */
export interface ChangeRecorder {
  log: ChangeLog;
  stop: () => void;
}

/** Starts recording the changes made to `graph` (through its methods: graphology emits an event for each). */
export function recordChanges(graph: KnowledgeGraph): ChangeRecorder {
  const log: ChangeLog = {
    structure: [],
    nodes: new Set(),
    edges: new Set(),
    graph: false,
    allNodes: false,
    allEdges: false,
    cleared: false,
  };
  const listeners: GraphEvents<EntityAttributes, RelationAttributes, GraphAttributes> = {
    nodeAdded: ({ key }) => {
      log.structure.push({ type: "addNode", key });
      log.nodes.add(key);
    },
    nodeDropped: ({ key }) => {
      log.structure.push({ type: "dropNode", key });
      log.nodes.delete(key);
    },
    edgeAdded: ({ key, source, target, undirected }) => {
      log.structure.push({ type: "addEdge", key, source, target, undirected });
      log.edges.add(key);
    },
    edgeDropped: ({ key }) => {
      log.structure.push({ type: "dropEdge", key });
      log.edges.delete(key);
    },
    nodeAttributesUpdated: ({ key }) => log.nodes.add(key),
    edgeAttributesUpdated: ({ key }) => log.edges.add(key),
    attributesUpdated: () => (log.graph = true),
    eachNodeAttributesUpdated: () => (log.allNodes = true),
    eachEdgeAttributesUpdated: () => (log.allEdges = true),
    cleared: () => (log.cleared = true),
    edgesCleared: () => (log.cleared = true),
  };
  const events = Object.keys(listeners) as (keyof typeof listeners)[];
  for (const event of events) graph.on(event, listeners[event] as never);
  return {
    log,
    stop: () => {
      for (const event of events) graph.off(event, listeners[event] as never);
    },
  };
}

/**
 * Makes `target` — the graph `source` was a copy of when `log` began — the same as `source`: the structure changes
 * replayed in order, then the changed attributes copied one level deep, as a copy does. As steps to run in slices;
 * `target` must be read by no one meanwhile. Throws when the log does not fit `target` (a caller then copies
 * `source` instead and drops `target`), or when the log holds a `clear()`.
 */
export function* replayChanges(target: KnowledgeGraph, source: KnowledgeGraph, log: ChangeLog): Steps<void> {
  if (log.cleared) throw new Error("change log: the graph was cleared; copy it instead of replaying");
  for (const change of log.structure) {
    if (change.type === "addNode") target.addNode(change.key);
    else if (change.type === "dropNode") target.dropNode(change.key);
    else if (change.type === "dropEdge") target.dropEdge(change.key);
    else if (change.undirected) target.addUndirectedEdgeWithKey(change.key, change.source, change.target);
    else target.addDirectedEdgeWithKey(change.key, change.source, change.target);
  }
  yield;
  if (log.graph) target.replaceAttributes(shallowCopy(source.getAttributes()));
  let count = 0;
  for (const node of log.allNodes ? source.nodes() : log.nodes) {
    target.replaceNodeAttributes(node, shallowCopy(source.getNodeAttributes(node)));
    if (++count % STEP === 0) yield;
  }
  for (const edge of log.allEdges ? source.edges() : log.edges) {
    target.replaceEdgeAttributes(edge, shallowCopy(source.getEdgeAttributes(edge)));
    if (++count % STEP === 0) yield;
  }
  if (target.order !== source.order || target.size !== source.size)
    throw new Error(
      `change log: the replay gives ${target.order} nodes and ${target.size} edges where the graph has ${source.order} and ${source.size}; copy it instead`,
    );
}
