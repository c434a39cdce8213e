/**
 * Relation kinds on the page: an open relation (a verb that maps to no predicate) is drawn and listed like a typed
 * one, but every place that names it says that it is open.
 */

/** The relation kind of an open relation (see src/model/types.ts RelationKind). */
export const OPEN_KIND = "open";

/** What the page says about an open relation, after its verb phrase. */
export const OPEN_RELATION_NOTE = "open relation: the verb maps to no predicate";

/** True when the relation is open: its label is the verb phrase found in the text, not a predicate's label. */
export function isOpenRelation(attributes: { kind?: string }): boolean {
  return attributes.kind === OPEN_KIND;
}

/** The relation's label, followed by the open-relation note when it is one: "sold shares in (open relation: …)". */
export function describeRelation(attributes: { label: string; kind?: string }): string {
  return isOpenRelation(attributes) ? `${attributes.label} (${OPEN_RELATION_NOTE})` : attributes.label;
}
