/**
 * Attribute decoding: turns the text forms our writers use (JSON columns, GEXF weight/kind copies) back into
 * the values of the knowledge model, and passes every other attribute through unchanged.
 */
import type { Attributes } from "graphology-types";
import { DERIVED_EDGE_KEYS } from "../export/columns.ts";
import { isDerivedEvidence } from "../export/values.ts";
import { isRelationKind } from "../model/relationKind.ts";

/** Model attributes stored as JSON text by every format, whether or not the file marks them. */
export const JSON_MODEL_KEYS = ["evidence", "qualifiers"];

/** Parses the values of JSON columns; text that is not JSON stays as it is. */
export function decodeJsonValues(attributes: Attributes, jsonKeys: Set<string>): Attributes {
  return decodeJsonValuesInPlace({ ...attributes }, jsonKeys);
}

/** {@link decodeJsonValues} on `attributes` itself, for a graph that is normalised in place. */
export function decodeJsonValuesInPlace(attributes: Attributes, jsonKeys: Set<string>): Attributes {
  for (const key of jsonKeys) {
    const value = attributes[key];
    if (typeof value !== "string") continue;
    try {
      attributes[key] = JSON.parse(value);
    } catch {
      // Not ours: a foreign attribute that happens to share the name keeps its text.
    }
  }
  return attributes;
}

/**
 * Undoes what the GEXF writer adds to an edge — GEXF `kind` (the predicate), `weight` (a copy of `confidence`
 * unless the edge has a weight of its own) and the `quotes`/`evidenceDocuments` columns derived from `evidence` —
 * and maps foreign fields onto the model:
 * - a `weight` in [0, 1] on an edge without `confidence` becomes its confidence; other weights stay as `weight`;
 * - a `kind` that is not one of the model's relation kinds is a GEXF edge kind: it becomes the predicate when the
 *   edge has none.
 */
export function decodeEdge(attributes: Attributes, jsonKeys: Set<string>): Attributes {
  return decodeEdgeInPlace({ ...attributes }, jsonKeys);
}

/** {@link decodeEdge} on `attributes` itself, for a graph that is normalised in place. */
export function decodeEdgeInPlace(out: Attributes, jsonKeys: Set<string>): Attributes {
  decodeJsonValuesInPlace(out, jsonKeys);
  if (typeof out.weight === "number") {
    if (typeof out.confidence === "number") {
      if (out.weight === out.confidence) delete out.weight;
    } else if (out.weight >= 0 && out.weight <= 1) {
      out.confidence = out.weight;
      delete out.weight;
    }
  }
  if (out.kind !== undefined && !isRelationKind(out.kind)) {
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
