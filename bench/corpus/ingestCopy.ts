/**
 * Ingest into a throw-away copy of graph-data/: the benchmarks that measure resolution add their corpus to the
 * repository's data as `kg ingest` would, read the result, and leave nothing behind.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { ServedGraph } from "../../src/graph/servedGraph.ts";
import { ingestBatch, type BatchOutcome } from "../../src/ingest/batch.ts";
import type { BatchItem } from "../../src/ingest/batchInput.ts";
import { DataWriter } from "../../src/ingest/writer.ts";
import { DEFAULT_DATA_ROOT } from "../../src/store/dataFiles.ts";

/**
 * Ingests `items` in order into a temporary copy of graph-data/ (its build left out), then calls `read` with the
 * copy's root and the outcomes; the copy is removed afterwards, also on error.
 */
export async function withIngestedCopy<T>(
  items: BatchItem[],
  read: (root: string, outcomes: BatchOutcome[]) => T,
): Promise<T> {
  const root = path.join(mkdtempSync(path.join(os.tmpdir(), "kg-resolution-")), "graph-data");
  try {
    cpSync(DEFAULT_DATA_ROOT, root, { recursive: true, filter: (src) => !src.includes(`${path.sep}build`) });
    const writer = new DataWriter(root, new ServedGraph(new MultiDirectedGraph()), { saveDelayMs: 60_000 });
    const outcomes: BatchOutcome[] = [];
    for await (const outcome of ingestBatch(writer, items)) outcomes.push(outcome);
    await writer.flush();
    return read(root, outcomes);
  } finally {
    rmSync(path.dirname(root), { recursive: true, force: true });
  }
}
