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
  /** Normalised names (label, id, aliases) and the node index and kind of each. */
  names: string[];
  nameNode: Int32Array;
  nameIsLabel: Uint8Array;
  /** Normalised name → indices into `names`. */
  exact: Map<string, number[]>;
  /** Every word of every name, sorted, with the name it belongs to (same order). */
  words: string[];
  wordName: Int32Array;
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
  const names: string[] = [];
  const owners: number[] = [];
  const isLabel: number[] = [];
  graph.forEachNode((key, attributes) => {
    const node = nodes.push(key) - 1;
    const seen = new Set<string>();
    const add = (text: string, label: boolean) => {
      const name = normalizeName(text);
      if (!name || seen.has(name)) return;
      seen.add(name);
      names.push(name);
      owners.push(node);
      isLabel.push(label ? 1 : 0);
    };
    add(attributes.label ?? key, true);
    add(key, false);
    for (const alias of attributes.aliases ?? []) add(alias, false);
  });
  const exact = new Map<string, number[]>();
  const wordEntries: [string, number][] = [];
  names.forEach((name, i) => {
    const list = exact.get(name);
    if (list) list.push(i);
    else exact.set(name, [i]);
    for (const word of new Set(name.split(" "))) wordEntries.push([word, i]);
  });
  wordEntries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return {
    order: graph.order,
    size: graph.size,
    nodes,
    names,
    nameNode: Int32Array.from(owners),
    nameIsLabel: Uint8Array.from(isLabel),
    exact,
    words: wordEntries.map((e) => e[0]),
    wordName: Int32Array.from(wordEntries.map((e) => e[1])),
  };
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
