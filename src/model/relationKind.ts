/**
 * Relation kinds: which kind a predicate gives a relation, and the label its edge shows (an open relation's phrase).
 */
import { RELATION_KINDS, type RelationKind } from "./types.ts";

/** The predicate of open relations: a verb links the two but maps to no other predicate. */
export const OPEN_PREDICATE = "related_to";

/** The predicate of co-occurrence links: two entities named in the same sentence. */
export const COOCCURRENCE_PREDICATE = "mentioned_with";

/** Longest verb phrase an open relation may carry as its label. */
export const MAX_RELATION_LABEL_LENGTH = 120;

/** True for one of the model's relation kinds (typed, open, cooccurrence). */
export function isRelationKind(value: unknown): value is RelationKind {
  return (RELATION_KINDS as readonly unknown[]).includes(value);
}

/** The kind a relation with `predicate` has: `open` for related_to, `cooccurrence` for mentioned_with, else typed. */
export function kindOfPredicate(predicate: string): RelationKind {
  if (predicate === OPEN_PREDICATE) return "open";
  return predicate === COOCCURRENCE_PREDICATE ? "cooccurrence" : "typed";
}

/** What an edge is labelled with: an open relation's verb phrase when it has one, else its predicate's label. */
export function relationLabel(kind: RelationKind, predicateLabel: string, phrase?: string): string {
  return kind === "open" && phrase ? phrase : predicateLabel;
}
