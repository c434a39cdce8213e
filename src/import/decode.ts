/**
 * Attribute decoding: turns the text forms our writers use (JSON columns, GEXF weight/kind copies) back into
 * the values of the knowledge model, and passes every other attribute through unchanged.
 */
import type { Attributes } from "graphology-types";
import { DERIVED_EDGE_KEYS } from "../export/columns.ts";
import { isDerivedEvidence } from "../export/values.ts";
import type { ImportHints } from "./types.ts";

/** Model attributes stored as JSON text by every format, whether or not the file marks them. */
export const JSON_MODEL_KEYS = ["evidence", "qualifiers"];
const RELATION_KINDS = new Set(["typed", "cooccurrence"]);

/** Parses the values of JSON columns; text that is not JSON stays as it is. */
export function decodeJsonValues(attributes: Attributes, jsonKeys: Set<string>): Attributes {
  const out: Attributes = { ...attributes };
  for (const key of jsonKeys) {
    const value = out[key];
    if (typeof value !== "string") continue;
    try {
      out[key] = JSON.parse(value);
    } catch {
      // Not ours: a foreign attribute that happens to share the name keeps its text.
    }
  }
  return out;
}

/**
 * Undoes what the GEXF writer adds to an edge: `weight` (a copy of `confidence`), GEXF `kind` (the predicate),
 * and the `quotes`/`evidenceDocuments` columns derived from `evidence`. A `kind` that is not one of the model's
 * relation kinds is a foreign GEXF edge kind and becomes the predicate when the edge has none.
 */
export function decodeEdge(attributes: Attributes, hints: ImportHints): Attributes {
  const out = decodeJsonValues(attributes, hints.jsonKeys);
  if (hints.edgeKeys.has("confidence") && !hints.edgeKeys.has("weight")) delete out.weight;
  if (out.kind !== undefined && !RELATION_KINDS.has(out.kind)) {
    if (out.predicate === undefined && typeof out.kind === "string") out.predicate = out.kind;
    delete out.kind;
  }
  if (typeof out.evidence === "string") {
    out.evidenceText = out.evidence;
    delete out.evidence;
  }
  if (isDerivedEvidence(out)) for (const key of DERIVED_EDGE_KEYS) delete out[key];
  return out;
}
