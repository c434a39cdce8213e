/**
 * Search: entity look-up by label and alias, and typo suggestions.
 */
export { searchEntities, rankEntities, rankInIndex, matchTier, type RankedHit } from "./searchEntities.ts";
export { findEntities, findInIndex } from "./findEntities.ts";
export {
  suggestEntities,
  suggestInIndex,
  boundedLevenshtein,
  DEFAULT_SUGGEST_OPTIONS,
  type SuggestOptions,
} from "./suggest.ts";
export { normalizeName } from "./normalize.ts";
export {
  searchIndexOf,
  buildSearchIndex,
  searchIndexSteps,
  cachedSearchIndex,
  seedSearchIndex,
  type SearchIndex,
} from "./searchIndex.ts";
export { DEFAULT_SEARCH_OPTIONS, TIER_SCORES, type MatchTier, type SearchHit, type SearchOptions } from "./types.ts";
