/**
 * Child: loads a graph file as the server does and prints load time, heap per edge and index build times.
 */
import { readGraphJson } from "../../src/build/graphFile.ts";
import { pathIndexOf } from "../../src/paths/index.ts";
import { searchIndexOf } from "../../src/search/index.ts";
import { collectGarbage, peakRssBytes } from "../util/memory.ts";

const file = process.argv[2];
collectGarbage();
const heap0 = process.memoryUsage().heapUsed;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const graph = readGraphJson(file);
const loadMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
collectGarbage();
const heap1 = process.memoryUsage().heapUsed;
const t1 = performance.now();
pathIndexOf(graph);
const pathIndexMs = performance.now() - t1;
const t2 = performance.now();
searchIndexOf(graph);
const searchIndexMs = performance.now() - t2;
collectGarbage();
const heap2 = process.memoryUsage().heapUsed;
console.log(
  JSON.stringify({
    nodes: graph.order,
    edges: graph.size,
    loadMs,
    loadCpuMs: (cpu.user + cpu.system) / 1000,
    graphHeapBytes: heap1 - heap0,
    pathIndexMs,
    searchIndexMs,
    indexHeapBytes: heap2 - heap1,
    peakRssBytes: peakRssBytes(),
  }),
);
