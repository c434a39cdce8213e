/**
 * Resolution index: the served graph's names (labels and aliases by their key) and short forms, which resolution
 * looks mentions up in, prepared in idle time in slices for the graph the next write resolves against.
 */
import type { EntityType, KnowledgeGraph } from "../model/types.ts";
import { normalizeName } from "../search/normalize.ts";
import { drain, runInSlices, type SliceOptions, type Steps } from "../util/slices.ts";
import { shortFormIndex } from "./shortForm.ts";
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
