/**
 * Attribute values: how each column type is written as text in GEXF, and the evidence-derived edge columns.
 */
import type { Attributes } from "graphology-types";
import { isEmptyValue } from "./columns.ts";
import type { ColumnType } from "./types.ts";

/**
 * One value as GEXF 1.3 text, or null when nothing is written. Lists use GEXF 1.3's `[a, b]` syntax with every
 * string item double-quoted and `\`, `"`, TAB, LF and CR backslash-escaped, which Gephi and graphology-gexf both
 * read back exactly (graphology-gexf's own writer leaves items unquoted, so an item containing ", " splits in two).
 */
export function gexfValue(type: ColumnType, value: unknown): string | null {
  if (isEmptyValue(value)) return null;
  switch (type) {
    case "json":
      return JSON.stringify(value);
    case "liststring":
      return Array.isArray(value)
        ? `[${value
            .filter((v) => v != null)
            .map(quoteListItem)
            .join(", ")}]`
        : null;
    case "listboolean":
    case "listinteger":
    case "listlong":
    case "listdouble":
      return Array.isArray(value) ? `[${value.filter((v) => !isEmptyValue(v)).join(", ")}]` : null;
    default:
      return String(value);
  }
}

const LIST_ESCAPES: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r" };

function quoteListItem(item: unknown): string {
  return `"${String(item).replace(/[\\"\t\n\r]/g, (c) => LIST_ESCAPES[c])}"`;
}

/**
 * An edge's attributes plus `quotes` and `evidenceDocuments` taken from `evidence`, for readers that cannot
 * decode the JSON (Gephi shows them as lists). Returns the same object when there is nothing to add.
 */
export function withEvidenceColumns(attributes: Attributes): Attributes {
  const evidence = attributes.evidence;
  if (!Array.isArray(evidence) || "quotes" in attributes || "evidenceDocuments" in attributes) return attributes;
  const quotes: string[] = [];
  const documents: string[] = [];
  for (const item of evidence) {
    if (typeof item?.quote === "string") quotes.push(item.quote);
    if (typeof item?.doc === "string" && !documents.includes(item.doc)) documents.push(item.doc);
  }
  return { ...attributes, quotes, evidenceDocuments: documents };
}

/** True when `quotes`/`evidenceDocuments` are exactly what {@link withEvidenceColumns} derives from `evidence`. */
export function isDerivedEvidence(attributes: Attributes): boolean {
  if (!Array.isArray(attributes.evidence)) return false;
  const { quotes, evidenceDocuments, ...rest } = attributes;
  const derived = withEvidenceColumns(rest);
  return (
    JSON.stringify(derived.quotes) === JSON.stringify(quotes) &&
    JSON.stringify(derived.evidenceDocuments) === JSON.stringify(evidenceDocuments)
  );
}
