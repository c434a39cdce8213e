/**
 * Finding entities as a reader types: the ranked matches of searchEntities.ts, and when nothing contains the query,
 * the names a few typos away ("blinkin" finds Blinken). One function for GET /api/search and the page's search box,
 * so both give the same answers.
 */
import { rankInIndex } from "./searchEntities.ts";
import { searchIndexOf, type SearchableGraph, type SearchIndex } from "./searchIndex.ts";
import { suggestInIndex } from "./suggest.ts";
import { DEFAULT_SEARCH_OPTIONS, TIER_SCORES, type SearchHit, type SearchOptions } from "./types.ts";

/**
 * Entities matching `q` in `index`, best first: every name containing the query, or failing any, the names within a
 * few edits of it. A typo's score is its similarity scaled below the lowest tier (a substring), so a score still says
 * how sure the match is. [] for a query without letters or digits, or with nothing close.
 */
export function findInIndex(index: SearchIndex, q: string, options: Partial<SearchOptions> = {}): SearchHit[] {
  const { limit, types } = { ...DEFAULT_SEARCH_OPTIONS, ...options };
  const hits = rankInIndex(index, q, { limit, types });
  if (hits.length > 0) return hits.map(({ id, label, type, score }) => ({ id, label, type, score }));
  return suggestInIndex(index, q, { limit, types }).map((hit) => ({
    ...hit,
    score: Math.round(hit.score * TIER_SCORES.substring * 1000) / 1000,
  }));
}

/** {@link findInIndex} on the graph's cached index: the answer of GET /api/search. */
export function findEntities(graph: SearchableGraph, q: string, options: Partial<SearchOptions> = {}): SearchHit[] {
  return findInIndex(searchIndexOf(graph), q, options);
}
