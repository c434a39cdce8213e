/**
 * Entity search of the page: the server's search (src/search's findInIndex, bundled by Vite, typos forgiven) run on
 * the graph already in the page.
 *
 * Run in the page rather than calling /api/search on each keystroke: no network round trip, and the same normaliser
 * and ranking, so the page and the API agree on what a query finds.
 */
import { normalizeName } from "../../src/search/normalize.ts";
import { findInIndex } from "../../src/search/findEntities.ts";
import { buildSearchIndex, type SearchIndex } from "../../src/search/searchIndex.ts";
import type { WebGraph } from "./types.ts";

/** A search hit. */
export interface SearchHit {
  id: string;
  label: string;
  type: string;
  /** The alias that matched, when the label did not. */
  matched: string | null;
  score: number;
}

/** Tunables of {@link createSearchIndex}. */
export interface SearchOptions {
  limit: number;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = { limit: 8 };

/** A search function over the graph's labels and aliases (indexed on first use); call it again after the graph changes. */
export function createSearchIndex(
  graph: WebGraph,
  options: Partial<SearchOptions> = {},
): (query: string) => SearchHit[] {
  const { limit } = { ...DEFAULT_SEARCH_OPTIONS, ...options };
  // Indexed on the first query, not at load: the page should draw before doing anything it may never need.
  let index: SearchIndex | null = null;
  return (query: string): SearchHit[] => {
    index ??= buildSearchIndex(graph);
    const normal = normalizeName(query);
    return findInIndex(index, query, { limit }).map(({ id, label, type, score }) => ({
      id,
      label,
      type,
      matched: matchedAlias(graph, id, normal),
      score,
    }));
  };
}

/** The first alias containing the (normalised) query when the label does not, else null. */
function matchedAlias(graph: WebGraph, id: string, query: string): string | null {
  const { label, aliases } = graph.getNodeAttributes(id);
  if (normalizeName(label).includes(query)) return null;
  return aliases?.find((alias) => normalizeName(alias).includes(query)) ?? null;
}

/**
 * A search: {@link createSearchIndex}'s over the drawn graph, or, for a graph opened on its overview, the server's
 * over every entity (asynchronous).
 */
export type SearchFn = (query: string) => SearchHit[] | Promise<SearchHit[]>;
