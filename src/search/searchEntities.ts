/**
 * Entity search: ranks entities by how well their label or an alias matches a query (exact > word > prefix > substring).
 */
import type { EntityType } from "../model/types.ts";
import { normalizeName } from "./normalize.ts";
import { lowerBound, searchIndexOf, type SearchableGraph, type SearchIndex } from "./searchIndex.ts";
import { DEFAULT_SEARCH_OPTIONS, TIER_SCORES, type MatchTier, type SearchHit, type SearchOptions } from "./types.ts";

/** A hit with the tier it was found in (what {@link resolveEntity} uses to detect ties). */
export interface RankedHit extends SearchHit {
  tier: MatchTier;
}

/** The entity type whose names a surname alone stands for (see {@link scoreOf}). */
const PERSON = "person";

/** Largest within-tier bonus; kept below the smallest gap between tiers so a tier always beats the next one. */
const MAX_BONUS = 0.15;

/**
 * Entities whose label or an alias matches `q`, case- and accent-insensitive, best first (ties by label).
 * Returns [] for a query without letters or digits.
 */
export function searchEntities(graph: SearchableGraph, q: string, options: Partial<SearchOptions> = {}): SearchHit[] {
  return rankEntities(graph, q, options).map(({ id, label, type, score }) => ({ id, label, type, score }));
}

/** {@link searchEntities} keeping each hit's match tier. */
export function rankEntities(graph: SearchableGraph, q: string, options: Partial<SearchOptions> = {}): RankedHit[] {
  return rankInIndex(searchIndexOf(graph), q, options);
}

/** {@link rankEntities} on a given index (the page builds its own after each reload of its graph). */
export function rankInIndex(index: SearchIndex, q: string, options: Partial<SearchOptions> = {}): RankedHit[] {
  const { limit, types } = { ...DEFAULT_SEARCH_OPTIONS, ...options };
  const query = normalizeName(q);
  if (!query || limit <= 0) return [];
  const allowed = types ? new Set<string>(types) : null;
  const best = new Map<number, { tier: MatchTier; score: number }>();
  const consider = (nameIndex: number) => {
    const node = index.nameNode[nameIndex];
    if (allowed && !allowed.has(index.types[node])) return;
    const tier = matchTier(index.names[nameIndex], query);
    if (!tier) return;
    const isPerson = index.types[node] === PERSON;
    const score = scoreOf(tier, query, index.names[nameIndex], index.nameIsLabel[nameIndex] === 1, isPerson);
    const previous = best.get(node);
    if (!previous || score > previous.score) best.set(node, { tier, score });
  };
  for (const nameIndex of wordCandidates(index, query)) consider(nameIndex);
  // Substring hits rank below every word hit, so scan all names only when the word hits do not fill the page.
  if (best.size < limit) for (let i = 0; i < index.names.length; i++) consider(i);
  // Ordered and described from the index's own columns: the graph is not read.
  return [...best]
    .sort(
      ([a, x], [b, y]) =>
        y.score - x.score ||
        compareText(index.labels[a], index.labels[b]) ||
        compareText(index.nodes[a], index.nodes[b]),
    )
    .slice(0, limit)
    .map(([node, { tier, score }]) => ({
      id: index.nodes[node],
      label: index.labels[node],
      type: index.types[node] as EntityType,
      score,
      tier,
    }));
}

/** Names with a word starting with the query's first word: every match except a mid-word substring. */
function* wordCandidates(index: SearchIndex, query: string): Generator<number> {
  const first = query.split(" ", 1)[0];
  for (let i = lowerBound(index.words, first); i < index.words.length && index.words[i].startsWith(first); i++) {
    yield* index.wordNames[i];
  }
}

/** How `name` matches `query` (both normalised), or null when it does not contain it. */
export function matchTier(name: string, query: string): MatchTier | null {
  if (name === query) return "exact";
  const at = name.indexOf(query);
  if (at < 0) return null;
  if (isWholeWords(name, query)) return "word";
  if (at === 0) return "prefix";
  if (name.includes(" " + query)) return "wordPrefix";
  return "substring";
}

function isWholeWords(name: string, query: string): boolean {
  return name.startsWith(query + " ") || name.endsWith(" " + query) || name.includes(" " + query + " ");
}

/**
 * Tier score plus a bonus for covering more of the name and for matching the label rather than an alias. A person's
 * name matched by whole words counts as covered in full: "Soros" names George Soros as surely as his full name does,
 * so he ranks above "Soros Fund", which the query covers more of by length only.
 */
function scoreOf(tier: MatchTier, query: string, name: string, isLabel: boolean, isPerson: boolean): number {
  if (tier === "exact") return TIER_SCORES.exact;
  const coverage = isPerson && tier === "word" ? 1 : query.length / name.length;
  return round(TIER_SCORES[tier] + MAX_BONUS * (0.7 * coverage + (isLabel ? 0.3 : 0)));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
