/**
 * Search index: every entity's normalised names and words, built once per graph and cached on the graph object.
 */
import type { AbstractGraph } from "graphology-types";
import { drain, type Steps } from "../util/slices.ts";
import { normalizeName } from "./normalize.ts";
import { ownerMap } from "../util/ownerMaps.ts";

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

// Keyed by the graph object so a replaced graph drops its index with it.
const CACHE = ownerMap<SearchableGraph, SearchIndex>();

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
  const nodes: string[] = [];
  const labels: string[] = [];
  const types: string[] = [];
  const names: string[] = [];
  const owners: number[] = [];
  const isLabel: number[] = [];
  for (const { node: key, attributes } of graph.nodeEntries()) {
    const node = nodes.push(key) - 1;
    const label = attributes.label ?? key;
    labels.push(label);
    types.push(attributes.type);
    // Ids are not indexed: resolveEntity takes an exact id directly, and machine ids ("n123") would double the
    // index of a large graph for nothing.
    const first = names.length;
    const aliases = attributes.aliases ?? [];
    for (let i = -1; i < aliases.length; i++) {
      if (addName(names, first, normalizeName(i < 0 ? label : aliases[i]))) {
        owners.push(node);
        isLabel.push(i < 0 ? 1 : 0);
      }
    }
    if (node % STEP === 0) yield;
  }
  const { words, wordNames } = yield* wordLists(names);
  return {
    order: graph.order,
    size: graph.size,
    nodes,
    labels,
    types,
    names,
    nameNode: Int32Array.from(owners),
    nameIsLabel: Uint8Array.from(isLabel),
    words,
    wordNames,
  };
}

/** Appends `name` unless it is empty or already among `names[first..]` (the same node's names); true if added. */
function addName(names: string[], first: number, name: string): boolean {
  if (!name) return false;
  for (let i = first; i < names.length; i++) if (names[i] === name) return false;
  names.push(name);
  return true;
}

/**
 * The distinct words of `names`, sorted, and for each the ascending indices of the names containing it: a counting
 * sort into one shared array. Sorting the distinct words (not every occurrence) keeps it fast: names share most words.
 */
function* wordLists(names: string[]): Steps<{ words: string[]; wordNames: Int32Array[] }> {
  const wordId = new Map<string, number>();
  const wordsById: string[] = [];
  /** Word ids of every name, one name after another (a word occurring twice in a name is kept once). */
  const occurrences: number[] = [];
  const nameEnd = new Int32Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const start = occurrences.length;
    for (const word of names[i].split(" ")) {
      let id = wordId.get(word);
      if (id === undefined) {
        id = wordsById.push(word) - 1;
        wordId.set(word, id);
      }
      if (!includesFrom(occurrences, start, id)) occurrences.push(id);
    }
    nameEnd[i] = occurrences.length;
    if (i % STEP === 0) yield;
  }
  const order = wordsById.map((_, id) => id).sort((a, b) => (wordsById[a] < wordsById[b] ? -1 : 1));
  const rank = new Int32Array(order.length);
  for (let r = 0; r < order.length; r++) rank[order[r]] = r;
  const start = new Int32Array(order.length + 1);
  for (const id of occurrences) start[rank[id] + 1]++;
  for (let r = 0; r < order.length; r++) start[r + 1] += start[r];
  const all = new Int32Array(occurrences.length);
  const cursor = start.slice(0, order.length);
  for (let i = 0, o = 0; i < names.length; i++) {
    for (; o < nameEnd[i]; o++) all[cursor[rank[occurrences[o]]]++] = i;
  }
  return {
    words: order.map((id) => wordsById[id]),
    wordNames: order.map((_, r) => all.subarray(start[r], start[r + 1])),
  };
}

function includesFrom(list: number[], from: number, value: number): boolean {
  for (let i = from; i < list.length; i++) if (list[i] === value) return true;
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
