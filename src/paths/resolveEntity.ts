/**
 * Entity resolution: turns what a user typed ("Blinken", "antony-blinken", "Secretary Blinken") into one entity id.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { rankInIndex, searchIndexOf, suggestInIndex, type SearchIndex } from "../search/index.ts";
import type { SearchHit } from "../search/types.ts";
import type { EntityMatch } from "./types.ts";

/** Tunables of {@link resolveEntity}. */
export interface ResolveOptions {
  /** Most candidates or suggestions returned. */
  limit: number;
}

export const DEFAULT_RESOLVE_OPTIONS: ResolveOptions = { limit: 10 };

/**
 * Resolves `text` to an entity: an exact id wins, then the best match tier of label and aliases (exact, whole
 * words such as a unique surname, prefix, word prefix). Only a tie in the best tier is ambiguous. A text found only
 * inside a word ("link" in "Blinken") is not taken as a reference: it is unknown, with those entities as suggestions.
 */
export function resolveEntity(graph: KnowledgeGraph, text: string, options: Partial<ResolveOptions> = {}): EntityMatch {
  return resolveInIndex(searchIndexOf(graph), (id) => graph.hasNode(id), text, options);
}

/** {@link resolveEntity} on a search index and a test of ids, so that it needs no graphology graph (a snapshot). */
export function resolveInIndex(
  index: SearchIndex,
  hasNode: (id: string) => boolean,
  text: string,
  options: Partial<ResolveOptions> = {},
): EntityMatch {
  const { limit } = { ...DEFAULT_RESOLVE_OPTIONS, ...options };
  const trimmed = text.trim();
  if (trimmed && hasNode(trimmed)) return { type: "found", id: trimmed };
  // Ask for more than `limit` so that a tie is seen even when many entities share the best tier.
  const hits = rankInIndex(index, trimmed, { limit: Math.max(limit, 2) * 5 });
  if (hits.length === 0 || hits[0].tier === "substring") {
    const suggestions = hits.length > 0 ? hits.map(publicHit) : suggestInIndex(index, trimmed, { limit });
    return { type: "unknown", suggestions: suggestions.slice(0, limit) };
  }
  const tied = hits.filter((h) => h.tier === hits[0].tier);
  if (tied.length === 1) return { type: "found", id: tied[0].id };
  return { type: "ambiguous", candidates: tied.slice(0, limit).map(publicHit) };
}

function publicHit({ id, label, type, score }: SearchHit): SearchHit {
  return { id, label, type, score };
}
