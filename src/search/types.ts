/**
 * Search types: the options and hits of entity search by label and alias.
 */
import type { EntityType } from "../model/types.ts";

/** One entity matching a query, best first; `score` is in (0, 1], 1 for an exact name. */
export interface SearchHit {
  id: string;
  label: string;
  type: EntityType;
  score: number;
}

/** Tunables of {@link searchEntities}. */
export interface SearchOptions {
  /** Most hits returned. */
  limit: number;
  /** Only entities of these types; null for all. */
  types: EntityType[] | null;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = {
  limit: 10,
  types: null,
};

/**
 * How well a name matches a query, best first. The tier decides the ranking and what counts as a tie (an ambiguous
 * entity reference); the score adds a small bonus within a tier.
 */
export type MatchTier = "exact" | "word" | "prefix" | "wordPrefix" | "substring";

/** Base score of each tier; bonuses stay below the gap between tiers. */
export const TIER_SCORES: Record<MatchTier, number> = {
  exact: 1,
  word: 0.8,
  prefix: 0.6,
  wordPrefix: 0.4,
  substring: 0.2,
};
