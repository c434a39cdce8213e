/**
 * Resolution index: the served graph's names (labels and aliases by their key) and short forms, which resolution
 * looks mentions up in, prepared in idle time in slices for the graph the next write resolves against.
 */
import type { EntityAttributes, EntityType, KnowledgeGraph } from "../model/types.ts";
import { normalizeName } from "../search/normalize.ts";
import { drain, runInSlices, type SliceOptions, type Steps } from "../util/slices.ts";
import { shortFormIndex, shortFormsOf } from "./shortForm.ts";
import type { ChangeLog } from "../graph/changeLog.ts";
import { ownerMap } from "../util/ownerMaps.ts";

/** What resolution looks up: name key → node ids, and `type:short form` → node ids. */
export interface ResolutionIndex {
  names: Map<string, string[]>;
  shortForms: Map<string, string[]>;
}

/** Nodes handled between two points where a build in slices may pause. */
const STEP = 1024;

// Resolution keys by name: every ingest indexes the whole graph's labels and aliases, which barely change between
// ingests, so the (Unicode-normalising, regex-heavy) normalisation is remembered. Bounded so it cannot grow forever.
const NAME_KEYS = new Map<string, string>();
const MAX_REMEMBERED = 500_000;

/** The key two names of one entity share: search's normalised name without a leading "the". */
export function nameKey(name: string): string {
  let key = NAME_KEYS.get(name);
  if (key === undefined) {
    if (NAME_KEYS.size >= MAX_REMEMBERED) NAME_KEYS.clear();
    key = normalizeName(name).replace(/^the /, "");
    NAME_KEYS.set(name, key);
  }
  return key;
}

// Only graphs prepared with prepareResolutionIndex, which are served and so never change; keyed by the graph object.
const PREPARED = ownerMap<KnowledgeGraph, ResolutionIndex>();

/**
 * The index of `graph`: the one prepared for it, else built now (a write's private copy changes between its
 * documents, so what is built for it is not kept). About half a second at 100k nodes, hence the preparing.
 */
export function resolutionIndexOf(graph: KnowledgeGraph): ResolutionIndex {
  return PREPARED.get(graph) ?? drain(resolutionIndexSteps(graph));
}

/** Builds the index of `graph`, which must not change any more (a served graph), in slices, and keeps it. */
export async function prepareResolutionIndex(graph: KnowledgeGraph, slices: Partial<SliceOptions> = {}): Promise<void> {
  if (PREPARED.has(graph)) return;
  PREPARED.set(graph, (await runInSlices(resolutionIndexSteps(graph), slices)).value);
}

/**
 * The index of `graph` as {@link resolutionIndexOf} gives it, but what is built is built in slices: for a write's
 * private copy, which changes between the documents of a step (kept for none).
 */
export async function resolutionIndexInSlices(
  graph: KnowledgeGraph,
  slices: Partial<SliceOptions> = {},
): Promise<ResolutionIndex> {
  return PREPARED.get(graph) ?? (await runInSlices(resolutionIndexSteps(graph), slices)).value;
}

function* resolutionIndexSteps(graph: KnowledgeGraph): Steps<ResolutionIndex> {
  const names = new Map<string, string[]>();
  const add = (name: string, node: string) => {
    const key = nameKey(name);
    const list = names.get(key);
    if (!list) names.set(key, [node]);
    else if (!list.includes(node)) list.push(node);
  };
  const nodes: { id: string; label: string; type: EntityType }[] = [];
  let count = 0;
  for (const { node, attributes } of graph.nodeEntries()) {
    add(attributes.label, node);
    for (const alias of attributes.aliases) add(alias, node);
    nodes.push({ id: node, label: attributes.label, type: attributes.type });
    if (++count % STEP === 0) yield;
  }
  // Short forms in slices of nodes too: splitting and titling every label is most of the cost.
  const shortForms = new Map<string, string[]>();
  for (let i = 0; i < nodes.length; i += STEP) {
    for (const [key, ids] of shortFormIndex(nodes.slice(i, i + STEP))) {
      const list = shortForms.get(key);
      if (!list) shortForms.set(key, [...ids]);
      else for (const id of ids) if (!list.includes(id)) list.push(id);
    }
    yield;
  }
  return { names, shortForms };
}

/** A node's keys in a resolution index: of its names, and of its short forms. */
function keysOf(attributes: { label: string; aliases?: string[]; type: EntityType }): {
  names: string[];
  forms: string[];
} {
  const names = [nameKey(attributes.label), ...(attributes.aliases ?? []).map(nameKey)];
  const forms = shortFormsOf(attributes.label, attributes.type).map((form) => `${attributes.type}:${form}`);
  return { names, forms };
}

/**
 * Hands the index prepared for `before` over to `after` — `before` with the changes `log` recorded — brought up to
 * date for the nodes whose names or type the log changed, instead of building `after`'s from every node: 17 MB of new
 * Maps and lists per write at 100k nodes, which the previous one then leaves to the collector. `before`'s index is
 * taken from it (only the writer resolves, under the write lock, and it resolves against `after` from now on). The
 * lists keep the order a build gives them, nodes in graph order: `order` is `before`'s node order (its path index),
 * the added nodes follow it as they were added. As steps to run in slices; false, changing nothing, when there is
 * nothing to hand over or no order to keep (the caller then prepares one).
 */
export function* handOverResolutionIndex(
  before: KnowledgeGraph,
  after: KnowledgeGraph,
  log: ChangeLog,
  order: ReadonlyMap<string, number> | null,
): Steps<boolean> {
  const index = PREPARED.get(before);
  if (!index || !order || log.allNodes || log.cleared || PREPARED.has(after)) return false;
  // Ranks past `before`'s for the nodes added, in the order added (a node dropped and added again comes last too).
  const added = new Map<string, number>();
  let next = before.order;
  for (const change of log.structure) {
    if (change.type === "addNode") added.set(change.key, next++);
    else if (change.type === "dropNode") added.set(change.key, -1);
  }
  const rank = (node: string) => added.get(node) ?? order.get(node) ?? Infinity;
  // Nodes whose keys or place may have changed: dropped, added (or both), or given another label, alias or type.
  const changed = new Set(added.keys());
  let count = 0;
  for (const node of log.nodes) {
    if (!changed.has(node) && !sameNames(before.getNodeAttributes(node), after.getNodeAttributes(node)))
      changed.add(node);
    if (++count % STEP === 0) yield;
  }
  for (const node of changed) {
    if (before.hasNode(node)) {
      const old = keysOf(before.getNodeAttributes(node));
      for (const key of old.names) without(index.names, key, node);
      for (const key of old.forms) without(index.shortForms, key, node);
    }
    if (!after.hasNode(node)) continue;
    const now = keysOf(after.getNodeAttributes(node));
    for (const key of now.names) inOrder(index.names, key, node, rank);
    for (const key of now.forms) inOrder(index.shortForms, key, node, rank);
    if (++count % STEP === 0) yield;
  }
  PREPARED.delete(before);
  PREPARED.set(after, index);
  return true;
}

function sameNames(a: EntityAttributes, b: EntityAttributes): boolean {
  if (a.label !== b.label || a.type !== b.type) return false;
  const [x, y] = [a.aliases ?? [], b.aliases ?? []];
  return x === y || (x.length === y.length && x.every((alias, i) => alias === y[i]));
}

function without(map: Map<string, string[]>, key: string, node: string): void {
  const list = map.get(key);
  const at = list?.indexOf(node) ?? -1;
  if (at < 0) return;
  if (list!.length === 1) map.delete(key);
  else list!.splice(at, 1);
}

function inOrder(map: Map<string, string[]>, key: string, node: string, rank: (node: string) => number): void {
  const list = map.get(key);
  if (!list) return void map.set(key, [node]);
  if (list.includes(node)) return;
  const at = list.findIndex((other) => rank(other) > rank(node));
  if (at < 0) list.push(node);
  else list.splice(at, 0, node);
}
