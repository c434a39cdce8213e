/**
 * Snapshot measure: writing the served snapshot, its size, and reading it back with every check, side by side with
 * what a start does without one — building the path and search indexes from the graphology graph.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { buildPathIndex, pathIndexOf } from "../../src/paths/pathIndex.ts";
import { buildSearchIndex, searchIndexOf } from "../../src/search/searchIndex.ts";
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
  let checkMs = NaN;
  const readMs = median(() => {
    const read = readSnapshot(file, { key: KEY });
    if (read.type !== "ok") throw new Error(read.message);
    const t = performance.now();
    if (seedFromSnapshot(graph, read.snapshot, file)) throw new Error("bench: the snapshot is not of the graph");
    checkMs = performance.now() - t;
    read.snapshot.close();
  });
  rmSync(file, { force: true });
  const buildMs = pathMs + searchMs;
  const note = `medians of ${RUNS}; page cache warm`;
  return [
    {
      tier,
      measure: "snapshot: read + validate (sha1 of the body) → path and search indexes",
      value: round(readMs, 1),
      unit: "ms",
      baseline: "build both from the graphology graph",
      baselineValue: round(buildMs, 1),
      ratio: lowerIsBetter(readMs, buildMs),
      note: `${note}; build: path ${round(pathMs, 1)} ms + search ${round(searchMs, 1)} ms; read includes the id check`,
    },
    {
      tier,
      measure: "snapshot: ids and ends checked against the graph before seeding",
      value: round(checkMs, 1),
      unit: "ms",
    },
    { tier, measure: "snapshot: write (indexes already built)", value: round(writeMs, 1), unit: "ms", note },
    { tier, measure: "snapshot: size", value: round(bytes / 1e6, 1), unit: "MB" },
  ];
}
