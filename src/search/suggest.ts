/**
 * Suggestions: the entities whose names are a few typos away from a query that matched nothing ("Blinkn").
 */
import type { EntityType, KnowledgeGraph } from "../model/types.ts";
import { normalizeName } from "./normalize.ts";
import { lowerBound, searchIndexOf, type SearchIndex } from "./searchIndex.ts";
import type { SearchHit } from "./types.ts";

/** Tunables of {@link suggestEntities}. */
export interface SuggestOptions {
  limit: number;
  /** Most edits allowed per word, as a share of its length (at least one edit is always allowed). */
  maxEditShare: number;
  /**
   * Time after which words not sharing the query word's first letter are no longer compared (typos rarely hit the
   * first letter; those words are compared first and always).
   */
  budgetMs: number;
}

export const DEFAULT_SUGGEST_OPTIONS: SuggestOptions = { limit: 5, maxEditShare: 0.34, budgetMs: 40 };

/**
 * Entities whose names contain words within a few edits of the query's words, closest first; `score` is the mean
 * similarity of the query's words to their best match, in (0, 1). Returns [] when nothing is close. Compares against
 * the distinct words of all names, not every name, so it stays fast on large graphs.
 */
export function suggestEntities(graph: KnowledgeGraph, q: string, options: Partial<SuggestOptions> = {}): SearchHit[] {
  return suggestInIndex(searchIndexOf(graph), q, options);
}

/**
 * {@link suggestEntities} on a given index (the page builds its own), keeping to entities of `types` when given;
 * reads only the index, not the graph.
 */
export function suggestInIndex(
  index: SearchIndex,
  q: string,
  options: Partial<SuggestOptions> & { types?: readonly string[] | null } = {},
): SearchHit[] {
  const { limit, maxEditShare, budgetMs } = { ...DEFAULT_SUGGEST_OPTIONS, ...options };
  const allowed = options.types ? new Set<string>(options.types) : null;
  const queryWords = [
    ...new Set(
      normalizeName(q)
        .split(" ")
        .filter((w) => w.length > 0),
    ),
  ];
  if (queryWords.length === 0) return [];
  const deadline = performance.now() + budgetMs;
  // node → best similarity of each query word to a word of one of its names
  const similarity = new Map<number, Float64Array>();
  queryWords.forEach((queryWord, qi) => {
    const maxEdits = Math.max(1, Math.floor(queryWord.length * maxEditShare));
    const compare = (wi: number) => {
      const word = index.words[wi];
      if (Math.abs(word.length - queryWord.length) > maxEdits) return;
      const edits = boundedLevenshtein(queryWord, word, maxEdits);
      if (edits > maxEdits) return;
      const value = 1 - edits / Math.max(queryWord.length, word.length);
      for (const name of index.wordNames[wi]) {
        const node = index.nameNode[name];
        if (allowed && !allowed.has(index.types[node])) continue;
        let row = similarity.get(node);
        if (!row) similarity.set(node, (row = new Float64Array(queryWords.length)));
        if (value > row[qi]) row[qi] = value;
      }
    };
    // The sorted words starting with the query word's first letter form one range: compare those first.
    const from = lowerBound(index.words, queryWord[0]);
    let to = from;
    while (to < index.words.length && index.words[to][0] === queryWord[0]) compare(to++);
    for (let wi = 0; wi < index.words.length; wi++) {
      if (wi === from) wi = to;
      if (wi >= index.words.length || ((wi & 0x3ff) === 0 && performance.now() > deadline)) break;
      compare(wi);
    }
  });
  return [...similarity]
    .map(([node, row]) => [node, row.reduce((sum, v) => sum + v, 0) / queryWords.length] as const)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([node, score]) => ({
      id: index.nodes[node],
      label: index.labels[node],
      type: index.types[node] as EntityType,
      score: Math.round(score * 1000) / 1000,
    }));
}

// Two rows reused across calls: the scan runs the distance thousands of times per query.
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * Levenshtein distance, giving up (returning max + 1) as soon as every cell of a row exceeds `max`. Hand-written:
 * the bound and the reused rows keep a scan over every distinct word of a 100k-node graph within milliseconds.
 */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (previousRow.length <= b.length) {
    previousRow = new Int32Array(b.length * 2 + 1);
    currentRow = new Int32Array(b.length * 2 + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
