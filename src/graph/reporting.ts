/**
 * Reporting: when and by how many documents each relation was stated — `support` (distinct evidence documents),
 * `firstReported` and `lastReported` (their earliest and latest dates) — read from the graph's dated document list.
 */
import type { DocumentDate } from "../model/documentDate.ts";
import type { Evidence, GraphDocument, KnowledgeGraph, RelationAttributes } from "../model/types.ts";
import { drain, type Steps } from "../util/slices.ts";
import { shallowCopy } from "../util/shallowCopy.ts";

/** Relations handled between two points where a refresh in slices may pause (see {@link refreshReportingSteps}). */
const STEP = 1024;

/** What {@link reportingOf} says about one relation. */
export interface Reporting {
  support: number;
  firstReported?: string;
  lastReported?: string;
}

/** A document's entry in the graph's `documents` attribute. */
export function graphDocument(id: string, title: string, date: DocumentDate | null): GraphDocument {
  return date ? { id, title, date: date.date, dateSource: date.dateSource } : { id, title };
}

/** Document id → date (`YYYY-MM-DD`) of every dated document the graph lists; empty for a graph without the list. */
export function documentDates(graph: KnowledgeGraph): Map<string, string> {
  const dates = new Map<string, string>();
  const documents = graph.getAttribute("documents");
  if (!Array.isArray(documents)) return dates;
  for (const doc of documents)
    if (typeof doc?.id === "string" && typeof doc.date === "string") dates.set(doc.id, doc.date);
  return dates;
}

/** The distinct documents of a relation's evidence, in evidence order; [] when it has none (e.g. an imported edge). */
export function evidenceDocuments(evidence: unknown): string[] {
  if (!Array.isArray(evidence)) return [];
  const docs = new Set<string>();
  for (const item of evidence as Partial<Evidence>[]) if (typeof item?.doc === "string") docs.add(item.doc);
  return [...docs];
}

/** Support and first/last report of a relation with `evidence`, given the documents' dates. */
export function reportingOf(evidence: unknown, dates: ReadonlyMap<string, string>): Reporting {
  const docs = evidenceDocuments(evidence);
  let first: string | undefined;
  let last: string | undefined;
  for (const doc of docs) {
    const date = dates.get(doc);
    if (date === undefined) continue;
    if (first === undefined || date < first) first = date;
    if (last === undefined || date > last) last = date;
  }
  return { support: docs.length, ...(first ? { firstReported: first, lastReported: last } : {}) };
}

/**
 * Writes `support`, `firstReported` and `lastReported` on every edge from its evidence and the graph's document
 * dates; only changed values are written (after an ingest most relations keep theirs).
 */
export function refreshReporting(graph: KnowledgeGraph): void {
  drain(refreshReportingSteps(graph));
}

/**
 * {@link refreshReporting} as steps that pause every {@link STEP} relations, for a refresh in slices
 * (src/util/slices.ts): about 2 s in one go at 500k relations. Only for a graph no reader sees until the steps end.
 */
export function* refreshReportingSteps(graph: KnowledgeGraph): Steps<void> {
  const dates = documentDates(graph);
  let count = 0;
  for (const { edge, attributes } of graph.edgeEntries()) {
    if (++count % STEP === 0) yield;
    if (!changed(attributes, reportingInScratch(attributes.evidence, dates))) continue;
    const now = reportingOf(attributes.evidence, dates);
    graph.updateEdgeAttributes(edge, (a) => withReporting(a, now));
  }
}

/**
 * `attributes` with `now`'s reporting, keys in the same order either way (the build's output is byte-identical).
 * When there are no report dates to drop, a {@link shallowCopy} given the new values, so that relations of one shape
 * keep sharing a hidden class (see there why): spreads and rest destructuring gave nearly every relation its own.
 */
function withReporting(attributes: RelationAttributes, now: Reporting): RelationAttributes {
  if (!("firstReported" in attributes) && !("lastReported" in attributes)) {
    const next = shallowCopy(attributes);
    next.support = now.support;
    if (now.firstReported !== undefined) {
      next.firstReported = now.firstReported;
      next.lastReported = now.lastReported;
    }
    return next;
  }
  const { firstReported: _first, lastReported: _last, ...rest } = attributes;
  return { ...rest, ...now } as RelationAttributes;
}

/** Longest evidence list {@link reportingInScratch} reads itself (it looks back over the list for repeated documents). */
const SHORT_EVIDENCE = 16;

/** The one object {@link reportingInScratch} answers with. */
const SCRATCH: Reporting = { support: 0 };

/**
 * {@link reportingOf} without allocating for the usual short evidence list: the answer is a shared object, valid
 * until the next call. A refresh checks every relation after each write, and one object (and set, and list) per
 * relation on a 500k-edge graph was tens of megabytes that V8, having seen such objects live long on the first
 * refresh, came to allocate straight into the old generation: garbage that brings on the full collections whose
 * pauses stall requests.
 */
function reportingInScratch(evidence: unknown, dates: ReadonlyMap<string, string>): Reporting {
  if (!Array.isArray(evidence) || evidence.length > SHORT_EVIDENCE) return reportingOf(evidence, dates);
  const items = evidence as (Partial<Evidence> | null)[];
  SCRATCH.support = 0;
  SCRATCH.firstReported = undefined;
  SCRATCH.lastReported = undefined;
  for (let i = 0; i < items.length; i++) {
    const doc = items[i]?.doc;
    if (typeof doc !== "string") continue;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = items[j]?.doc === doc;
    if (seen) continue;
    SCRATCH.support++;
    const date = dates.get(doc);
    if (date === undefined) continue;
    if (SCRATCH.firstReported === undefined || date < SCRATCH.firstReported) SCRATCH.firstReported = date;
    if (SCRATCH.lastReported === undefined || date > SCRATCH.lastReported) SCRATCH.lastReported = date;
  }
  return SCRATCH;
}

function changed(attributes: RelationAttributes, now: Reporting): boolean {
  return (
    attributes.support !== now.support ||
    attributes.firstReported !== now.firstReported ||
    attributes.lastReported !== now.lastReported
  );
}
