/**
 * Path scope: what the path finder may walk — the relations and entity types the filters leave visible and the
 * candidate toggle — so that a path never runs through something the graph does not show.
 */
import type { UiState } from "./types.ts";

/** The query parameters of a path search that keep it to the visible graph ([] for "any"). */
export interface PathScope {
  predicates: string[];
  types: string[];
  candidates: boolean;
}

/** What the graph holds: entities per type and relations per predicate (see PageContext.counts). */
type Counts = { types: ReadonlyMap<string, number>; predicates: ReadonlyMap<string, number> };

type Filters = Pick<UiState, "hiddenTypes" | "hiddenPredicates" | "showCandidates">;

/**
 * The scope of a search under `filters`; `chosen` are the predicates picked in "Only through relations" ([] for any).
 * null when the filters leave nothing to walk (every chosen relation or every type hidden).
 */
export function pathScope(counts: Counts, filters: Filters, chosen: string[]): PathScope | null {
  const { hiddenPredicates, hiddenTypes } = filters;
  const shown = (p: string) => !hiddenPredicates.has(p);
  const narrowed = chosen.length > 0 || hiddenPredicates.size > 0;
  // Listing every visible predicate only when some is hidden keeps the unfiltered query short.
  const predicates =
    chosen.length > 0 ? chosen.filter(shown) : narrowed ? [...counts.predicates.keys()].filter(shown) : [];
  if (narrowed && predicates.length === 0) return null;
  const types = hiddenTypes.size > 0 ? [...counts.types.keys()].filter((t) => !hiddenTypes.has(t)) : [];
  if (hiddenTypes.size > 0 && types.length === 0) return null;
  return { predicates, types, candidates: filters.showCandidates };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The line under the path finder: "Through visible relations only." and what the filters hide, if anything. */
export function describeScope(filters: Filters): string {
  const hidden = [
    filters.hiddenPredicates.size > 0 ? plural(filters.hiddenPredicates.size, "relation", "relations") : "",
    filters.hiddenTypes.size > 0 ? plural(filters.hiddenTypes.size, "entity type", "entity types") : "",
    filters.showCandidates ? "" : "candidate relations",
  ].filter(Boolean);
  return hidden.length > 0
    ? `Through visible relations only: skips the hidden ${hidden.join(", ")}.`
    : "Through visible relations only.";
}
