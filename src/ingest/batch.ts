/**
 * Batch ingest: adds the documents of a folder or a JSON Lines stream in steps of many documents — each document
 * all-or-nothing, the graph updated once per step — and reports one outcome per document, in input order.
 */
import type { BatchItem, BatchSource } from "./batchInput.ts";
import { IngestError, type IngestResult } from "./types.ts";
import type { DataWriter } from "./writer.ts";

/** Tunables of {@link ingestBatch}. */
export interface BatchIngestOptions {
  /**
   * Documents per step: one hold of the write lock and one update of the served graph. Larger steps copy the graph
   * less often; smaller ones let a server beside the run write (and show progress) sooner.
   */
  stepDocuments: number;
}

export const DEFAULT_BATCH_INGEST_OPTIONS: BatchIngestOptions = { stepDocuments: 50 };

/** What became of one document: added, already stored (by its normalised text), left out, or refused. */
export type BatchOutcome = BatchSource &
  (
    | { status: "added"; document: string; title: string; words: number; entities: number; relations: number }
    | { status: "duplicate"; document: string; message: string }
    | { status: "skipped"; reason: string }
    | { status: "failed"; error: string }
  );

/**
 * Adds every document of `items` through `writer`, yielding each outcome once its step is committed. A refused
 * document is reported and the run goes on; an error that is not about one document (graph-data broken, the
 * extractor missing) ends it.
 */
export async function* ingestBatch(
  writer: DataWriter,
  items: AsyncIterable<BatchItem> | Iterable<BatchItem>,
  options: Partial<BatchIngestOptions> = {},
): AsyncGenerator<BatchOutcome> {
  const { stepDocuments } = { ...DEFAULT_BATCH_INGEST_OPTIONS, ...options };
  let pending: BatchItem[] = [];
  let documents = 0;
  for await (const item of items) {
    pending.push(item);
    if ("input" in item && ++documents >= stepDocuments) {
      yield* await runStep(writer, pending);
      pending = [];
      documents = 0;
    }
  }
  if (pending.length) yield* await runStep(writer, pending);
}

/** Adds the documents among `items` in one writer step; the outcomes of all of them, in order. */
async function runStep(writer: DataWriter, items: BatchItem[]): Promise<BatchOutcome[]> {
  const inputs = items.flatMap((item) => ("input" in item ? [item.input] : []));
  const results = inputs.length ? await writer.ingestStep(inputs) : [];
  let next = 0;
  return items.map((item) => {
    const source = sourceOf(item);
    if ("skipped" in item) return { ...source, status: "skipped", reason: item.skipped };
    if ("error" in item) return { ...source, status: "failed", error: item.error };
    return outcomeOf(source, item.input.text, results[next++]);
  });
}

function outcomeOf(source: BatchSource, text: string, result: IngestResult | IngestError): BatchOutcome {
  if (result instanceof IngestError)
    return result.code === "duplicate"
      ? { ...source, status: "duplicate", document: String(result.details.document), message: result.message }
      : { ...source, status: "failed", error: result.message };
  return {
    ...source,
    status: "added",
    document: result.document.id,
    title: result.document.title,
    words: countWords(text),
    entities: result.newEntities.length,
    relations: result.newRelations.length,
  };
}

function sourceOf(item: BatchItem): BatchSource {
  if ("file" in item) return { file: item.file };
  if ("url" in item) return { url: item.url };
  return item.id === undefined ? { line: item.line } : { line: item.line, id: item.id };
}

function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
