/**
 * Search index: every entity's normalised names and words, built once per graph and cached on the graph object.
 */
import type { AbstractGraph } from "graphology-types";
import { drain, type Steps } from "../util/slices.ts";
import { normalizeName } from "./normalize.ts";
import { ownerMap, takeLeftover } from "../util/ownerMaps.ts";
import { wordLists, type WordMemory } from "./wordLists.ts";

/** What the index reads of a node: its label (the key when absent), type and aliases. */
export interface SearchableAttributes {
  label?: string;
  type: string;
  aliases?: string[];
}

/** A graph whose nodes carry {@link SearchableAttributes}: the served graph and the page's alike. */
export type SearchableGraph = Pick<AbstractGraph<SearchableAttributes>, "nodeEntries" | "order" | "size">;

/** Nodes or names handled between two points where a build in slices may pause (see {@link searchIndexSteps}). */
const STEP = 1024;

/** The names of every entity, flattened into parallel arrays, plus a sorted word list for prefix look-ups. */
export interface SearchIndex {
  /** Graph size when built: a changed graph gets a fresh index. */
  order: number;
  size: number;
  /** Node keys by node index. */
  nodes: string[];
  /** Labels and types by node index (to order and filter hits without reading the graph). */
  labels: string[];
  types: string[];
  /** Normalised names (label and aliases) and the node index and kind of each. */
  names: string[];
  nameNode: Int32Array;
  nameIsLabel: Uint8Array;
  /** The distinct words of all names, sorted (for prefix look-ups by binary search). */
  words: string[];
  /** For each of `words`, the indices of the names containing it. */
  wordNames: Int32Array[];
}

// Keyed by the graph object so a replaced graph drops its index with it. A graph the writer recycles leaves its index
// aside, and the index of its next content is written into the same lists (see searchIndexSteps).
const CACHE = ownerMap<SearchableGraph, SearchIndex>({ reuse: true });

/** Indexes built here (not read from a snapshot) and the working memory of their word lists, for the next build. */
const MEMORY = new WeakMap<SearchIndex, WordMemory>();

/** Normalised names by name: a graph's names barely change between versions, nor then their normalised strings. */
const NORMALIZED = new Map<string, string>();
const MAX_REMEMBERED = 500_000;

/** The graph's search index, built on first use and rebuilt when the graph's size changed since. */
export function searchIndexOf(graph: SearchableGraph): SearchIndex {
  const cached = cachedSearchIndex(graph);
  if (cached) return cached;
  const index = buildSearchIndex(graph);
  CACHE.set(graph, index);
  return index;
}

/** The graph's index if one was built or seeded and the graph's size has not changed since; null otherwise. */
export function cachedSearchIndex(graph: SearchableGraph): SearchIndex | null {
  const cached = CACHE.get(graph);
  return cached && cached.order === graph.order && cached.size === graph.size ? cached : null;
}

/** Makes {@link searchIndexOf} answer with `index` for `graph` without building one (an index read from a snapshot). */
export function seedSearchIndex(graph: SearchableGraph, index: SearchIndex): void {
  CACHE.set(graph, index);
}

/**
 * Builds the index: O(total name length · log) time, once per graph.
 *
 * Written to allocate little beyond the index itself: no Set or closure per node and one Int32Array holding every
 * word's list of names (`wordNames` are views into it). On a 1M-node graph the heap is ~3.5 GB, so every short-lived
 * object brings the next full collection closer, and every separate typed array adds "external" memory that V8
 * answers with one.
 */
export function buildSearchIndex(graph: SearchableGraph): SearchIndex {
  return drain(searchIndexSteps(graph));
}

/**
 * {@link buildSearchIndex} as steps that pause every {@link STEP} nodes or names, for a build in slices
 * (src/util/slices.ts) beside requests. `graph` must not change until the steps end.
 */
export function* searchIndexSteps(graph: SearchableGraph): Steps<SearchIndex> {
  // What the graph's index held before the writer recycled the graph: no request reads it any more, so its lists are
  // rewritten rather than left to the collector beside a new index per write.
  const leftover = takeLeftover(CACHE, graph);
  const memory = leftover ? (MEMORY.get(leftover) ?? null) : null;
  const previous = memory ? leftover! : null;
  const nodes = previous?.nodes ?? [];
  const labels = previous?.labels ?? [];
  const types = previous?.types ?? [];
  const names = previous?.names ?? [];
  let owners = previous ? reusable(previous.nameNode) : new Int32Array(graph.order);
  let isLabel = previous ? reusable(previous.nameIsLabel) : new Uint8Array(graph.order);
  let node = 0;
  // Counted rather than pushed after emptying the list: an emptied array gives up its memory.
  let count = 0;
  for (const { node: key, attributes } of graph.nodeEntries()) {
    nodes[node] = key;
    const label = attributes.label ?? key;
    labels[node] = label;
    types[node] = attributes.type;
    // Ids are not indexed: resolveEntity takes an exact id directly, and machine ids ("n123") would double the
    // index of a large graph for nothing.
    const first = count;
    const aliases = attributes.aliases ?? [];
    for (let i = -1; i < aliases.length; i++) {
      const name = normalized(i < 0 ? label : aliases[i]);
      if (!name || includesFrom(names, first, count, name)) continue;
      if (count === owners.length) [owners, isLabel] = [grown(owners), grown(isLabel)];
      names[count] = name;
      owners[count] = node;
      isLabel[count++] = i < 0 ? 1 : 0;
    }
    if (node++ % STEP === 0) yield;
  }
  nodes.length = labels.length = types.length = node;
  names.length = count;
  const { words, wordNames, memory: next } = yield* wordLists(names, memory, previous);
  const index: SearchIndex = {
    order: graph.order,
    size: graph.size,
    nodes,
    labels,
    types,
    names,
    nameNode: owners.subarray(0, count),
    nameIsLabel: isLabel.subarray(0, count),
    words,
    wordNames,
  };
  MEMORY.set(index, next);
  return index;
}

/** `name` normalised, remembered (bounded, so it cannot grow forever). */
function normalized(name: string): string {
  let key = NORMALIZED.get(name);
  if (key === undefined) {
    if (NORMALIZED.size >= MAX_REMEMBERED) NORMALIZED.clear();
    key = normalizeName(name);
    NORMALIZED.set(name, key);
  }
  return key;
}

/** The whole array a column of an earlier index is a view of, to write the next index's column into. */
function reusable<T extends Int32Array | Uint8Array>(column: T): T {
  const Type = column.constructor as new (buffer: ArrayBufferLike) => T;
  return new Type(column.buffer);
}

/** A larger copy of `array`, with room for the names of a few more versions. */
function grown<T extends Int32Array | Uint8Array>(array: T): T {
  const Type = array.constructor as new (length: number) => T;
  const larger = new Type(Math.ceil(Math.max(array.length, 64) * 1.125));
  larger.set(array);
  return larger;
}

/** Whether `name` is among `names[from..to)` (the same node's names). */
function includesFrom(names: string[], from: number, to: number, name: string): boolean {
  for (let i = from; i < to; i++) if (names[i] === name) return true;
  return false;
}

/** Index of the first word ≥ `prefix` (binary search over the sorted words). */
export function lowerBound(words: string[], prefix: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
