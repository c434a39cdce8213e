/**
 * Batch progress: running totals of a batch ingest, and the one progress line redrawn on a terminal's stderr.
 */
import type { BatchOutcome } from "../ingest/batch.ts";

/** Running totals of a batch run. */
export interface BatchTotals {
  documents: number;
  added: number;
  duplicates: number;
  skipped: number;
  failed: number;
  words: number;
  entities: number;
  relations: number;
}

/** Totals before the first document. */
export function emptyTotals(): BatchTotals {
  return { documents: 0, added: 0, duplicates: 0, skipped: 0, failed: 0, words: 0, entities: 0, relations: 0 };
}

/** Counts one outcome into `totals`. */
export function countOutcome(totals: BatchTotals, outcome: BatchOutcome): void {
  totals.documents++;
  if (outcome.status === "added") {
    totals.added++;
    totals.words += outcome.words;
    totals.entities += outcome.entities;
    totals.relations += outcome.relations;
  } else if (outcome.status === "duplicate") totals.duplicates++;
  else if (outcome.status === "skipped") totals.skipped++;
  else totals.failed++;
}

/** `120 documents (100 added, 15 already stored, 5 failed) · 24,000 words · … · 12.3 docs/s`. */
export function formatTotals(totals: BatchTotals, elapsedMs: number): string {
  const parts = [`${totals.added} added`, `${totals.duplicates} already stored`];
  if (totals.skipped) parts.push(`${totals.skipped} skipped`);
  if (totals.failed) parts.push(`${totals.failed} failed`);
  const rate = elapsedMs > 0 ? (totals.documents * 1000) / elapsedMs : 0;
  return [
    `${totals.documents} documents (${parts.join(", ")})`,
    `${totals.words.toLocaleString("en")} words`,
    `${totals.entities} new entities`,
    `${totals.relations} new relations`,
    `${rate.toFixed(1)} docs/s`,
  ].join(" · ");
}

/** Least time between two redraws of the progress line. */
const REDRAW_MS = 200;

/**
 * The progress line on `stream` (redrawn in place, at most every {@link REDRAW_MS}), or nothing when the stream is
 * not a terminal: piped output gets no carriage returns.
 */
export function progressLine(stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let drawn = 0;
  let shown = false;
  const draw = (totals: BatchTotals) => {
    stream.write(`\r\x1b[K${formatTotals(totals, Date.now() - started)}`);
    drawn = Date.now();
    shown = true;
  };
  return {
    /** Redraws the line if the last redraw is old enough. */
    update(totals: BatchTotals): void {
      if (stream.isTTY && Date.now() - drawn >= REDRAW_MS) draw(totals);
    },
    /** Erases the line, so that other output starts on a clean line. */
    clear(): void {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
    /** Milliseconds since the run started. */
    elapsed: () => Date.now() - started,
  };
}
