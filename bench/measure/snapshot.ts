/**
 * Snapshot measure: writing the served snapshot, its size, and reading it back with every check, side by side with
 * what a start does without one — building the path and search indexes from the graphology graph.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { buildPathIndex, pathIndexOf } from "../../src/paths/pathIndex.ts";
import { buildSearchIndex, searchIndexOf } from "../../src/search/searchIndex.ts";
import { HEADER_BYTES, type SnapshotHeader } from "../../src/snapshot/format.ts";
import { readSnapshot, seedFromSnapshot, writeSnapshot } from "../../src/snapshot/index.ts";
import { lowerIsBetter, round, type Row } from "../report.ts";
import { quantile } from "../util/stats.ts";

const RUNS = 5;
const KEY = "bench";

/** Median of `RUNS` timings of `fn`, each after a full collection so none pays for another's garbage. */
function median(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    globalThis.gc?.();
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return quantile(times, 0.5);
}

/** Times the index build (the baseline), the snapshot's write and its read with validation, and the seeding check. */
export function measureSnapshot(tier: string, graph: KnowledgeGraph, dir: string): Row[] {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "graph.snapshot");
  const pathMs = median(() => buildPathIndex(graph));
  const searchMs = median(() => buildSearchIndex(graph));
  // The write reads the cached indexes, as `kg build` does right after building them: timed apart from their build.
  pathIndexOf(graph);
  searchIndexOf(graph);
  let bytes = 0;
  const writeMs = median(() => ({ bytes } = writeSnapshot(graph, file, { key: KEY })));
  const reads: number[] = [];
  const checks: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    globalThis.gc?.();
    let t = performance.now();
    // As a start does: the loaded graph's ids, checked against the snapshot's and used in place of decoded copies.
    const read = readSnapshot(file, { key: KEY, ids: { nodes: graph.nodes(), edges: graph.edges() } });
    reads.push(performance.now() - t);
    if (read.type !== "ok") throw new Error(read.message);
    read.snapshot.close();
    globalThis.gc?.();
    t = performance.now();
    if (seedFromSnapshot(graph, read.snapshot, file)) throw new Error("bench: the snapshot is not of the graph");
    checks.push(performance.now() - t);
  }
  const readMs = quantile(reads, 0.5);
  const checkMs = quantile(checks, 0.5);
  const aloneMs = median(() => {
    const read = readSnapshot(file, { key: KEY });
    if (read.type !== "ok") throw new Error(read.message);
    read.snapshot.close();
  });
  const coreNote = `core ${round(coreBytes(file) / 1e6, 1)} MB`;
  rmSync(file, { force: true });
  const buildMs = pathMs + searchMs;
  const note = `medians of ${RUNS}; page cache warm`;
  const mb = round(bytes / 1e6, 1);
  return [
    {
      tier,
      measure: "snapshot: read + check (magic, length, key, sha1 of the core, ids) → path and search indexes",
      value: round(readMs, 1),
      unit: "ms",
      baseline: "build both from the graphology graph",
      baselineValue: round(buildMs, 1),
      ratio: lowerIsBetter(readMs, buildMs),
      note: `${note}; build: path ${round(pathMs, 1)} ms + search ${round(searchMs, 1)} ms`,
    },
    {
      tier,
      measure: "snapshot: ids compared with the graph's before seeding",
      value: round(checkMs, 1),
      unit: "ms",
      baseline: "build both",
      baselineValue: round(buildMs, 1),
      ratio: lowerIsBetter(readMs + checkMs, buildMs),
      note: "ratio: build ÷ (read + compare), what a start with a snapshot saves",
    },
    {
      tier,
      measure: "snapshot: read + check without a graph (ids decoded from the file)",
      value: round(aloneMs, 1),
      unit: "ms",
      note,
    },
    { tier, measure: "snapshot: write (indexes already built)", value: round(writeMs, 1), unit: "ms", note },
    { tier, measure: "snapshot: size (core read at start + attribute records)", value: mb, unit: "MB", note: coreNote },
  ];
}

/** Bytes of the core region (what a start reads), from the file's header. */
function coreBytes(file: string): number {
  const bytes = readFileSync(file).subarray(0, HEADER_BYTES);
  return (JSON.parse(bytes.toString("utf8", 16, 16 + bytes.readUInt32LE(12))) as SnapshotHeader).core.bytes;
}
