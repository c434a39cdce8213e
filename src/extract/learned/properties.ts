/**
 * Properties: which ontology predicate carries each Wikidata property the model learns, and whether that predicate
 * admits a pair of entity types — worked out once per ontology, not per document.
 */
import type { PredicateDefinition } from "../../model/schemas.ts";

/** The ontology seen through the Wikidata properties it maps. */
export interface PropertyTable {
  /** The ontology predicate of each Wikidata property (same direction only; the first predicate wins). */
  byProperty: Map<string, string>;
  /** Whether the predicate of `property` admits a subject of type `source` and an object of type `target`. */
  admits(property: string, source: string, target: string): boolean;
}

const tables = new WeakMap<Record<string, PredicateDefinition>, PropertyTable>();

/** The table of `predicates`, built on first use. */
export function propertyTable(predicates: Record<string, PredicateDefinition>): PropertyTable {
  const cached = tables.get(predicates);
  if (cached) return cached;
  const byProperty = new Map<string, string>();
  for (const [id, def] of Object.entries(predicates))
    if (def.wikidata && !byProperty.has(def.wikidata)) byProperty.set(def.wikidata, id);
  const admits = (property: string, source: string, target: string) => {
    const predicate = byProperty.get(property);
    const def = predicate ? predicates[predicate] : undefined;
    return !!def && (def.domain as string[]).includes(source) && (def.range as string[]).includes(target);
  };
  const table = { byProperty, admits };
  tables.set(predicates, table);
  return table;
}
