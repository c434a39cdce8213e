/**
 * Neo4j columns: the typed header fields of a `neo4j-admin database import` CSV file, built from the graph's columns.
 *
 * Header grammar (Neo4j operations manual, "CSV header format"): each field is `name:type`, where `type` is one of
 * int, long, float, double, boolean, byte, short, char, string, point, date, localtime, time, localdatetime, datetime,
 * duration, optionally followed by `[]` for an array, or one of the special fields `:ID(group)`, `:LABEL`,
 * `:START_ID(group)`, `:END_ID(group)`, `:TYPE`, `:IGNORE`.
 */
import type { Attributes } from "graphology-types";
import { OPEN_PREDICATE } from "../model/relationKind.ts";
import type { Column, ColumnType } from "./types.ts";

/**
 * Between the items of an array cell. The unit separator (U+001F) does not occur in prose; a column whose values hold
 * it is written as JSON text instead. Passed to neo4j-admin as `--array-delimiter=U+001F`.
 */
export const NEO4J_ARRAY_DELIMITER = "\u001f";
/** How the README and the import command spell {@link NEO4J_ARRAY_DELIMITER}. */
export const NEO4J_ARRAY_DELIMITER_OPTION = "U+001F";

/** The id spaces of the bundle: entities and documents have ids of their own, so "x" may name one of each. */
export const ENTITY_ID_SPACE = "Entity";
export const DOCUMENT_ID_SPACE = "Document";

/** Property types the bundle writes. `double`, not `float`: neo4j-admin stores `float` in 32 bits (0.85 → 0.8500000238). */
export type Neo4jType = "string" | "boolean" | "int" | "long" | "double";

/** How a graph attribute is kept as a Neo4j property. */
export interface Neo4jProperty {
  /** The attribute's key in the graph. */
  key: string;
  /** The property's name in Neo4j: the key, or `p<n>_…` when the key is not a plain identifier or is reserved. */
  name: string;
  type: Neo4jType;
  array: boolean;
  /** True when the values are JSON text in a string property (objects, mixed types, text holding the delimiter). */
  json: boolean;
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SCALAR: Partial<Record<ColumnType, Neo4jType>> = {
  string: "string",
  boolean: "boolean",
  integer: "int",
  long: "long",
  double: "double",
};

/** Maps declared columns to Neo4j properties; `reserved` names are taken by the bundle's own fields. */
export function neo4jProperties(columns: Column[], reserved: string[], needsJson: Set<string>): Neo4jProperty[] {
  const taken = new Set(reserved.map((r) => r.toLowerCase()));
  return columns.map((column, index) => {
    let name = column.key;
    if (!PLAIN_NAME.test(name) || taken.has(name.toLowerCase()))
      name = `p${index}_${column.key.replace(/[^A-Za-z0-9_]/g, "_")}`;
    taken.add(name.toLowerCase());
    const list = column.type.startsWith("list");
    const scalar = SCALAR[(list ? column.type.slice(4) : column.type) as ColumnType];
    if (column.type === "json" || scalar === undefined || needsJson.has(column.key))
      return { key: column.key, name, type: "string", array: false, json: true };
    return { key: column.key, name, type: scalar, array: list, json: false };
  });
}

/** The header field of a property: `name:type` or `name:type[]`. */
export function headerField(property: Pick<Neo4jProperty, "name" | "type" | "array">): string {
  return `${property.name}:${property.type}${property.array ? "[]" : ""}`;
}

/** The relationship type of an edge: its predicate's ({@link relationshipType}), related_to when it has none. */
export function edgeRelationshipType(attributes: Attributes): string {
  return relationshipType(String(attributes.predicate ?? OPEN_PREDICATE));
}

/** Neo4j's relationship type convention for a predicate: `negotiates_for` → `NEGOTIATES_FOR`. */
export function relationshipType(predicate: string): string {
  const type = predicate.replace(/[^A-Za-z0-9]+/g, "_").toUpperCase();
  return /^[A-Z]/.test(type) ? type : `REL_${type}`;
}

/** Neo4j's label convention for an entity type: `organization` → `Organization`. */
export function nodeLabel(type: string): string {
  const words = type.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const label = words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z]/.test(label) ? label : `Type${label}`;
}
