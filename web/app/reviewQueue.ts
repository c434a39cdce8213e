/**
 * Review queue: the relations awaiting review as a list the reader works through, and the orders it can take.
 */
import type { Triple } from "./api.ts";

/** One relation to review, with the title of the document its first quote comes from. */
export interface QueueItem {
  triple: Triple;
  /** The document's title, or its id when the title is unknown. */
  document: string;
}

/** The orders of the queue. */
export type QueueOrder = "document" | "confidence" | "entity";

/** The orders as the sort control lists them: value and label. */
export const QUEUE_ORDERS: { id: QueueOrder; label: string }[] = [
  { id: "document", label: "Document" },
  { id: "confidence", label: "Confidence (lowest first)" },
  { id: "entity", label: "Entity" },
];

const text = (a: string, b: string) => a.localeCompare(b);
const firstQuoteStart = (item: QueueItem) => item.triple.evidence[0]?.start ?? 0;

const COMPARE: Record<QueueOrder, (a: QueueItem, b: QueueItem) => number> = {
  // In reading order within a document: the reviewer follows the text.
  document: (a, b) => text(a.document, b.document) || firstQuoteStart(a) - firstQuoteStart(b),
  // The doubtful ones first: they need the reviewer most.
  confidence: (a, b) => a.triple.confidence - b.triple.confidence,
  entity: (a, b) =>
    text(a.triple.subject.label, b.triple.subject.label) || text(a.triple.object.label, b.triple.object.label),
};

/** The items in `order`; ties keep the relation ids' order, so the queue never reshuffles between renders. */
export function sortQueue(items: readonly QueueItem[], order: QueueOrder): QueueItem[] {
  return [...items].sort((a, b) => COMPARE[order](a, b) || text(a.triple.id, b.triple.id));
}

/** Where the relation `id` is in `items`; 0 (the first) when it is not there. */
export function indexOf(items: readonly QueueItem[], id: string | undefined): number {
  return Math.max(
    0,
    items.findIndex((item) => item.triple.id === id),
  );
}

/** The document ids the items quote, each once. */
export function quotedDocuments(triples: readonly Triple[]): string[] {
  return [...new Set(triples.flatMap((t) => t.evidence.map((e) => e.doc)))];
}
