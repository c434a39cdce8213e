/**
 * Search index: every entity's normalised names and words, built once per graph and cached on the graph object.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { normalizeName } from "./normalize.ts";

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
const CACHE = new WeakMap<KnowledgeGraph, SearchIndex>();

/** The graph's search index, built on first use and rebuilt when the graph's size changed since. */
export function searchIndexOf(graph: KnowledgeGraph): SearchIndex {
  const cached = CACHE.get(graph);
  if (cached && cached.order === graph.order && cached.size === graph.size) return cached;
  const index = buildSearchIndex(graph);
  CACHE.set(graph, index);
  return index;
}

/** Builds the index: O(total name length · log) time, once per graph. */
export function buildSearchIndex(graph: KnowledgeGraph): SearchIndex {
  const nodes: string[] = [];
  const labels: string[] = [];
  const types: string[] = [];
  const names: string[] = [];
  const owners: number[] = [];
  const isLabel: number[] = [];
  graph.forEachNode((key, attributes) => {
    const node = nodes.push(key) - 1;
    labels.push(attributes.label ?? key);
    types.push(attributes.type);
    const seen = new Set<string>();
    const add = (text: string, label: boolean) => {
      const name = normalizeName(text);
      if (!name || seen.has(name)) return;
      seen.add(name);
      names.push(name);
      owners.push(node);
      isLabel.push(label ? 1 : 0);
    };
    // Ids are not indexed: resolveEntity takes an exact id directly, and machine ids ("n123") would double the
    // index of a large graph for nothing.
    add(attributes.label ?? key, true);
    for (const alias of attributes.aliases ?? []) add(alias, false);
  });
  const byWord = new Map<string, number[]>();
  names.forEach((name, i) => {
    for (const word of new Set(name.split(" "))) push(byWord, word, i);
  });
  // Sorting the distinct words (not every occurrence) keeps the build fast: names share most of their words.
  const words = [...byWord.keys()].sort();
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
    wordNames: words.map((word) => Int32Array.from(byWord.get(word)!)),
  };
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
