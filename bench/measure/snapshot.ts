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

const RUNS = 7;
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

/**
 * Times the index build (the baseline) and a start from the snapshot (read, checks, id comparison) in paired rounds,
 * the first side alternating, so both see the same load on a shared machine; then the write and a read without a
 * graph (what a start without graphology will do).
 */
export function measureSnapshot(tier: string, graph: KnowledgeGraph, dir: string): Row[] {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "graph.snapshot");
  // The write reads the cached indexes, as `kg build` does right after building them: timed apart from their build.
  pathIndexOf(graph);
  searchIndexOf(graph);
  let bytes = 0;
  const writeMs = median(() => ({ bytes } = writeSnapshot(graph, file, { key: KEY })));
  const t = { path: [] as number[], search: [] as number[], build: [] as number[] };
  const s = { read: [] as number[], compare: [] as number[], start: [] as number[] };
  const build = () => {
    const t0 = performance.now();
    buildPathIndex(graph);
    const t1 = performance.now();
    buildSearchIndex(graph);
    const t2 = performance.now();
    t.path.push(t1 - t0);
    t.search.push(t2 - t1);
    t.build.push(t2 - t0);
  };
  const start = () => {
    const t0 = performance.now();
    // As a start does: the loaded graph's ids, checked against the snapshot's and used in place of decoded copies.
    const read = readSnapshot(file, { key: KEY, ids: { nodes: graph.nodes(), edges: graph.edges() } });
    const t1 = performance.now();
    if (read.type !== "ok") throw new Error(read.message);
    if (seedFromSnapshot(graph, read.snapshot, file)) throw new Error("bench: the snapshot is not of the graph");
    const t2 = performance.now();
    read.snapshot.close();
    s.read.push(t1 - t0);
    s.compare.push(t2 - t1);
    s.start.push(t2 - t0);
  };
  for (let i = 0; i < RUNS; i++) {
    for (const side of i % 2 === 0 ? [build, start] : [start, build]) {
      globalThis.gc?.();
      side();
    }
  }
  const aloneMs = median(() => {
    const read = readSnapshot(file, { key: KEY });
    if (read.type !== "ok") throw new Error(read.message);
    read.snapshot.close();
  });
  const coreNote = `core ${round(coreBytes(file) / 1e6, 1)} MB`;
  rmSync(file, { force: true });
  const m = (values: number[]) => round(quantile(values, 0.5), 1);
  const note = `medians of ${RUNS}; page cache warm`;
  return [
    {
      tier,
      measure: "snapshot: read + checks (magic, length, key, sha1 of the core, ids) → path and search indexes",
      value: m(s.start),
      unit: "ms",
      baseline: "build both from the graphology graph",
      baselineValue: m(t.build),
      ratio: lowerIsBetter(m(s.start), m(t.build)),
      note: `${note}, paired rounds; read ${m(s.read)} ms + id comparison ${m(s.compare)} ms; build: path ${m(t.path)} ms + search ${m(t.search)} ms`,
    },
    {
      tier,
      measure: "snapshot: read + checks without a graph (ids decoded from the file)",
      value: round(aloneMs, 1),
      unit: "ms",
      note,
    },
    { tier, measure: "snapshot: write (indexes already built)", value: round(writeMs, 1), unit: "ms", note },
    {
      tier,
      measure: "snapshot: size (core read at start + attribute records)",
      value: round(bytes / 1e6, 1),
      unit: "MB",
      note: coreNote,
    },
  ];
}

/** Bytes of the core region (what a start reads), from the file's header. */
function coreBytes(file: string): number {
  const bytes = readFileSync(file).subarray(0, HEADER_BYTES);
  return (JSON.parse(bytes.toString("utf8", 16, 16 + bytes.readUInt32LE(12))) as SnapshotHeader).core.bytes;
}
