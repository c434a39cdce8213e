/**
 * Batch ingest from the command line: picks the input (a folder, a JSON Lines file or standard input, web pages or a
 * feed), runs the batch, and reports each document — as a JSON line with --json, as a sentence otherwise — with a progress line on a
 * terminal.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { ServedGraph } from "../graph/servedGraph.ts";
import { ingestBatch, type BatchIngestOptions, type BatchOutcome } from "../ingest/batch.ts";
import { folderDocuments, jsonLinesDocuments, type BatchItem, type BatchSource } from "../ingest/batchInput.ts";
import { IngestError } from "../ingest/types.ts";
import type { FetchOptions } from "../ingest/web/fetchOptions.ts";
import { feedDocuments, urlDocuments } from "../ingest/webInput.ts";
import { DataWriter } from "../ingest/writer.ts";
import { recoverPendingWrites } from "../store/transaction.ts";
import { lineOutput, openLineInput } from "./lineStreams.ts";
import { countOutcome, emptyTotals, formatTotals, progressLine } from "./progress.ts";
import type { CommandIO } from "./types.ts";

/** How a batch reads its input. */
export type BatchMode = "folder" | "jsonl";

/** What a batch reads: a folder, a JSON Lines file (or `-`), web pages by URL, or the items of a feed. */
export type BatchInput =
  { mode: BatchMode; target: string } | { mode: "urls"; urls: string[] } | { mode: "feed"; url: string };

/** Options of {@link runBatch}, from the command line. */
export interface BatchRunOptions {
  data: string | undefined;
  json: boolean;
  /** Limits of every page and feed fetched (pages named by a URL, a JSON Lines "url", a feed's items). */
  fetch: Partial<FetchOptions>;
  /** How the batch is cut into steps (documents per step). */
  batch?: Partial<BatchIngestOptions>;
}

/**
 * Saving build/graph.json waits this long after a step: the file is a cache (a stale one is rebuilt), and saving a
 * large graph after every step would cost more than the steps. The run saves it once more at its end.
 */
const BATCH_SAVE_DELAY_MS = 60_000;
const JSON_LINES_EXTENSIONS = new Set([".jsonl", ".ndjson"]);

/** The batch mode `target` asks for, or null for a single article (any other file). */
export function batchMode(target: string, jsonl: boolean): BatchMode | null {
  if (target === "-" || jsonl) return "jsonl";
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) return "folder";
  return JSON_LINES_EXTENSIONS.has(path.extname(target).toLowerCase()) ? "jsonl" : null;
}

/** The documents of `input`, read (or fetched) as the batch takes them. */
async function batchItems(input: BatchInput, fetch: Partial<FetchOptions>) {
  switch (input.mode) {
    case "folder":
      return folderDocuments(input.target);
    case "jsonl":
      return jsonLinesDocuments(await openLineInput(input.target), fetch);
    case "urls":
      return urlDocuments(input.urls, fetch);
    case "feed":
      return feedDocuments(input.url, fetch);
  }
}

/** Adds every document of `input`; 1 when any failed or the run could not go on, else 0. */
export async function runBatch(input: BatchInput, options: BatchRunOptions, io: CommandIO) {
  let items: AsyncIterable<BatchItem> | Iterable<BatchItem>;
  try {
    items = await batchItems(input, options.fetch);
  } catch (error) {
    io.err(`kg ingest: ${(error as Error).message}`);
    return 1;
  }
  // An empty served graph: the writer loads the build (or rebuilds it) under the write lock at its first step.
  const writer = new DataWriter(options.data, new ServedGraph(new MultiDirectedGraph()), {
    saveDelayMs: BATCH_SAVE_DELAY_MS,
  });
  // A run killed mid-write left a staged document behind: finish or discard it before comparing with what is stored.
  recoverPendingWrites(writer.dataFiles);
  const out = lineOutput(io);
  const progress = progressLine();
  const totals = emptyTotals();
  try {
    for await (const outcome of ingestBatch(writer, items, options.batch)) {
      countOutcome(totals, outcome);
      progress.clear();
      if (options.json) await out.write(JSON.stringify(outcome));
      else report(outcome, io);
      progress.update(totals);
    }
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    progress.clear();
    io.err(`kg ${error.message}`);
    return 1;
  } finally {
    out.close();
    await writer.flush();
  }
  progress.clear();
  const summary = `kg ingest: ${formatTotals(totals, progress.elapsed())}`;
  // With --json, standard output carries the documents' lines only.
  if (options.json) io.err(summary);
  else io.out(summary);
  return totals.failed ? 1 : 0;
}

/** One document as a sentence: progress on standard output, problems on standard error. */
function report(outcome: BatchOutcome, io: CommandIO): void {
  const where = describeSource(outcome);
  switch (outcome.status) {
    case "added":
      return io.out(
        `added ${outcome.document} "${outcome.title}" (${where}): ${outcome.entities} new entities, ${outcome.relations} new relations`,
      );
    case "duplicate":
      return io.out(`${where}: already stored as document ${outcome.document}; skipped`);
    case "skipped":
      return io.err(`kg ingest: skipped ${outcome.reason}`);
    case "failed":
      return io.err(`kg ingest: ${where}: ${outcome.error}`);
  }
}

function describeSource(source: BatchSource): string {
  if ("file" in source) return source.file;
  if ("url" in source) return source.url;
  return source.id === undefined ? `line ${source.line}` : `line ${source.line} (id ${JSON.stringify(source.id)})`;
}
