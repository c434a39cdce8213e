/**
 * Child: loads a graph file as the server does and prints load time, heap per edge, index build times and the
 * garbage collector's share of each phase.
 */
import { PerformanceObserver } from "node:perf_hooks";
import { readGraphJson } from "../../src/graphfile/graphFile.ts";
import { pathIndexOf } from "../../src/paths/index.ts";
import { searchIndexOf } from "../../src/search/index.ts";
import { collectGarbage, peakRssBytes } from "../util/memory.ts";

/** Wall time, CPU time and GC pauses (count, ms) of one synchronous phase. */
interface Phase {
  ms: number;
  cpuMs: number;
  gcCount: number;
  gcMs: number;
}

// GC entries arrive asynchronously: each phase waits a few turns of the event loop after it ran to collect its own.
let gcEntries: PerformanceEntry[] = [];
const gcObserver = new PerformanceObserver((list) => gcEntries.push(...list.getEntries()));
gcObserver.observe({ entryTypes: ["gc"] });

const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

async function phase<T>(run: () => T): Promise<[T, Phase]> {
  await settle();
  gcEntries = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await settle();
  const gc = gcEntries.filter((entry) => entry.startTime >= t0 && entry.startTime <= t0 + ms);
  return [
    value,
    {
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      gcCount: gc.length,
      gcMs: gc.reduce((sum, entry) => sum + entry.duration, 0),
    },
  ];
}

const file = process.argv[2];
collectGarbage();
const heap0 = process.memoryUsage().heapUsed;
const [graph, load] = await phase(() => readGraphJson(file));
collectGarbage();
const heap1 = process.memoryUsage().heapUsed;
const [, pathIndex] = await phase(() => pathIndexOf(graph));
const [, searchIndex] = await phase(() => searchIndexOf(graph));
collectGarbage();
const heap2 = process.memoryUsage().heapUsed;
console.log(
  JSON.stringify({
    nodes: graph.order,
    edges: graph.size,
    loadMs: load.ms,
    loadCpuMs: load.cpuMs,
    graphHeapBytes: heap1 - heap0,
    pathIndexMs: pathIndex.ms,
    searchIndexMs: searchIndex.ms,
    indexHeapBytes: heap2 - heap1,
    peakRssBytes: peakRssBytes(),
    phases: { load, pathIndex, searchIndex },
  }),
);
gcObserver.disconnect();
