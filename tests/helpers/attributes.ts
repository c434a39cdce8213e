/**
 * Test helper: complete node and edge attributes for graphs built inline, with overridable defaults.
 */
import type { EntityAttributes, EntityType, RelationAttributes } from "../../src/model/types.ts";

/** Entity attributes with neutral defaults; `extra` overrides any of them. */
export function entityAttributes(
  label: string,
  type: EntityType = "person",
  extra: Partial<EntityAttributes> = {},
): EntityAttributes {
  return {
    label,
    type,
    aliases: [],
    description: "",
    documents: [],
    source: "curated",
    x: 0,
    y: 0,
    size: 1,
    color: "#000000",
    community: 0,
    degree: 0,
    ...extra,
  };
}

/** Relation attributes (label = predicate, no evidence, confidence 1) ; `extra` overrides any of them. */
export function relationAttributes(predicate: string, extra: Partial<RelationAttributes> = {}): RelationAttributes {
  return {
    predicate,
    label: predicate,
    evidence: [],
    stance: "neutral",
    modality: "asserted",
    confidence: 1,
    source: "curated",
    kind: "typed",
    status: "accepted",
    ...extra,
  };
}
