/**
 * Suggestions: the entities whose names are a few typos away from a query that matched nothing ("Blinkn").
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { normalizeName } from "./normalize.ts";
import { searchIndexOf } from "./searchIndex.ts";
import type { SearchHit } from "./types.ts";

/** Tunables of {@link suggestEntities}. */
export interface SuggestOptions {
  limit: number;
  /** Most edits allowed, as a share of the query's length (at least one edit is always allowed). */
  maxEditShare: number;
}

export const DEFAULT_SUGGEST_OPTIONS: SuggestOptions = { limit: 5, maxEditShare: 0.34 };

/**
 * Entities with a name (or, for a one-word query, a word of a name) within a few edits of `q`, closest first;
 * `score` is the similarity in (0, 1). Returns [] when nothing is close.
 */
export function suggestEntities(graph: KnowledgeGraph, q: string, options: Partial<SuggestOptions> = {}): SearchHit[] {
  const { limit, maxEditShare } = { ...DEFAULT_SUGGEST_OPTIONS, ...options };
  const query = normalizeName(q);
  if (!query) return [];
  const index = searchIndexOf(graph);
  const maxEdits = Math.max(1, Math.floor(query.length * maxEditShare));
  const oneWord = !query.includes(" ");
  const best = new Map<number, number>();
  const consider = (text: string, nameIndex: number) => {
    if (Math.abs(text.length - query.length) > maxEdits) return;
    const edits = boundedLevenshtein(query, text, maxEdits);
    if (edits > maxEdits) return;
    const similarity = 1 - edits / Math.max(query.length, text.length);
    const node = index.nameNode[nameIndex];
    if (similarity > (best.get(node) ?? 0)) best.set(node, similarity);
  };
  if (oneWord) index.words.forEach((word, i) => consider(word, index.wordName[i]));
  index.names.forEach((name, i) => consider(name, i));
  return [...best]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([node, similarity]) => {
      const id = index.nodes[node];
      const { label, type } = graph.getNodeAttributes(id);
      return { id, label: label ?? id, type, score: Math.round(similarity * 1000) / 1000 };
    });
}

/**
 * Levenshtein distance, giving up (returning max + 1) as soon as every cell of a row exceeds `max`. Hand-written:
 * the bound keeps a scan over every name of a 100k-node graph within a few tens of milliseconds.
 */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
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
