/**
 * Test helpers for src/extract: extraction of small sentences (against graph-data's ontology and lexicon, without
 * the curated graph) and lookups by label.
 */
import {
  extractDocument,
  type ExtractContext,
  type Extraction,
  type ExtractedRelation,
} from "../../src/extract/index.ts";

/**
 * Extracts `text` cold with the rules alone: ontology and lexicon of graph-data/, no graph, no learned pair model
 * (these tests pin what each rule finds; tests/extract/learned/ covers the model).
 */
export function extract(text: string, context: ExtractContext = {}): Extraction {
  return extractDocument(text, context, { learned: false });
}

/** The entity with `label` (or one of whose aliases is `label`), or undefined. */
export function entity(r: Extraction, label: string) {
  return r.entities.find((e) => e.label === label || e.aliases.includes(label));
}

/** Typed relations as "source predicate target" strings, sorted. */
export function triples(r: Extraction): string[] {
  return r.relations
    .filter((x) => x.kind === "typed")
    .map((x) => `${x.source} ${x.predicate} ${x.target}`)
    .sort();
}

/** The pairs that typed or open relations link, as "source target" strings (co-occurrence left out). */
export function links(r: Extraction): string[] {
  return r.relations.filter((x) => x.kind !== "cooccurrence").map((x) => `${x.source} ${x.target}`);
}

/** The typed relation `source predicate target`, or undefined. */
export function relation(
  r: Extraction,
  source: string,
  predicate: string,
  target: string,
): ExtractedRelation | undefined {
  return r.relations.find(
    (x) => x.kind === "typed" && x.source === source && x.predicate === predicate && x.target === target,
  );
}
