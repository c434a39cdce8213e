/**
 * Attribute columns: infers one declared, typed column per attribute key so every export format can write them.
 */
import type { Attributes } from "graphology-types";
import type { Column, ColumnType } from "./types.ts";

/** Node attributes in the order and with the types of the knowledge model; other keys follow as found. */
export const NODE_COLUMN_SEED: [string, ColumnType][] = [
  ["label", "string"],
  ["type", "string"],
  ["subtype", "string"],
  ["description", "string"],
  ["aliases", "liststring"],
  ["documents", "liststring"],
  ["source", "string"],
  ["community", "integer"],
  ["degree", "integer"],
  ["x", "double"],
  ["y", "double"],
  ["size", "double"],
  ["color", "string"],
];

/** Edge attributes of the knowledge model, plus the columns derived from `evidence` for readers without JSON. */
export const EDGE_COLUMN_SEED: [string, ColumnType][] = [
  ["label", "string"],
  ["predicate", "string"],
  ["stance", "string"],
  ["modality", "string"],
  ["confidence", "double"],
  ["source", "string"],
  ["kind", "string"],
  ["wikidata", "string"],
  ["status", "string"],
  ["support", "integer"],
  ["firstReported", "string"],
  ["lastReported", "string"],
  ["evidence", "json"],
  ["quotes", "liststring"],
  ["evidenceDocuments", "liststring"],
  ["qualifiers", "json"],
];

/** Columns computed from `evidence` on export and dropped on import when they still match it. */
export const DERIVED_EDGE_KEYS = ["quotes", "evidenceDocuments"] as const;

const INT32_MAX = 0x7fffffff;
const SCALAR_WIDTH: Partial<Record<ColumnType, number>> = { integer: 0, long: 1, double: 2 };

/** True for values no file writes: missing, null, NaN, ±Infinity and the empty string. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined || value === null || value === "" || (typeof value === "number" && !Number.isFinite(value))
  );
}

/** The column type of one value; null when the value says nothing (empty, or an empty list). */
export function inferValueType(value: unknown): ColumnType | null {
  if (isEmptyValue(value)) return null;
  if (Array.isArray(value)) {
    let type: ColumnType | null = null;
    for (const item of value) {
      const itemType = inferValueType(item);
      if (itemType === null) continue;
      if (itemType.startsWith("list") || itemType === "json") return "json";
      type = type === null ? itemType : mergeTypes(type, itemType);
    }
    if (type === "json") return "json";
    return type === null ? null : (`list${type === "string" ? "string" : type}` as ColumnType);
  }
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      if (!Number.isInteger(value)) return "double";
      return Math.abs(value) <= INT32_MAX ? "integer" : "long";
    case "string":
      return "string";
    default:
      return "json";
  }
}

/** The narrowest type that holds values of both types: numbers widen, anything else mixed becomes JSON. */
export function mergeTypes(a: ColumnType, b: ColumnType): ColumnType {
  if (a === b) return a;
  const listA = a.startsWith("list");
  const listB = b.startsWith("list");
  const scalarA = listA ? (a.slice(4) as ColumnType) : a;
  const scalarB = listB ? (b.slice(4) as ColumnType) : b;
  if (listA !== listB) return "json";
  const wa = SCALAR_WIDTH[scalarA];
  const wb = SCALAR_WIDTH[scalarB];
  if (wa === undefined || wb === undefined) return "json";
  const wider = wa >= wb ? scalarA : scalarB;
  return listA ? (`list${wider}` as ColumnType) : wider;
}

type Observed = ColumnType | "emptylist";

/** Collects the columns of a stream of attribute records: seeded keys first, then others in first-seen order. */
export class ColumnCollector {
  readonly #seed: Map<string, ColumnType>;
  readonly #observed = new Map<string, Observed>();
  readonly #skip: Set<string>;
  readonly #derived: Set<string>;

  /** `seed`: known keys with their preferred type; `skip`: keys written elsewhere (e.g. GEXF label and viz). */
  constructor(seed: [string, ColumnType][], skip: Iterable<string> = [], derived: Iterable<string> = []) {
    this.#seed = new Map(seed);
    this.#skip = new Set(skip);
    this.#derived = new Set(derived);
  }

  /** Widens the columns with one element's attributes. */
  observe(attributes: Attributes): void {
    for (const key in attributes) {
      if (this.#skip.has(key)) continue;
      const value = attributes[key];
      const type: Observed | null = Array.isArray(value) && value.length === 0 ? "emptylist" : inferValueType(value);
      if (type === null) continue;
      const known = this.#observed.get(key) ?? this.#seed.get(key);
      this.#observed.set(key, known === undefined ? type : mergeObserved(known, type));
    }
  }

  /** The declared columns: seeded keys that occur, in seed order, then the other keys in first-seen order. */
  columns(): Column[] {
    const keys = [...this.#seed.keys()].filter((k) => this.#observed.has(k));
    for (const key of this.#observed.keys()) if (!this.#seed.has(key)) keys.push(key);
    return keys.map((key) => {
      const observed = this.#observed.get(key) as Observed;
      const type: ColumnType = observed === "emptylist" ? "liststring" : observed;
      const derived = this.#derived.has(key);
      const title = type === "json" ? `${key} (JSON)` : derived ? `${key} (from evidence)` : key;
      return { key, type, title, derived };
    });
  }
}

function mergeObserved(a: Observed, b: Observed): Observed {
  if (a === "emptylist") return b === "emptylist" || b.startsWith("list") ? b : "json";
  if (b === "emptylist") return a.startsWith("list") ? a : "json";
  return mergeTypes(a, b);
}
