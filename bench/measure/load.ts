/**
 * Load measure: time and heap to read a graph file as the server does, in a fresh process.
 */
import { statSync } from "node:fs";
import { round, type Row } from "../report.ts";
import { runChild } from "../util/child.ts";
import { mb } from "../util/memory.ts";

/** Wall time, CPU time and GC pauses of one phase, as the load child measures them. */
export interface LoadPhase {
  ms: number;
  cpuMs: number;
  gcCount: number;
  gcMs: number;
}

/** What the load child reports. */
export interface LoadFigures {
  nodes: number;
  edges: number;
  loadMs: number;
  loadCpuMs: number;
  graphHeapBytes: number;
  pathIndexMs: number;
  searchIndexMs: number;
  indexHeapBytes: number;
  peakRssBytes: number | null;
  phases: { load: LoadPhase; pathIndex: LoadPhase; searchIndex: LoadPhase };
}

/** Loads `file` in a child; rows for load time, memory per edge and the indexes built on first query. */
export async function measureLoad(tier: string, file: string): Promise<{ rows: Row[]; figures: LoadFigures }> {
  const f = await runChild<LoadFigures>("load", [file], { timeoutMs: 900_000 });
  const perEdge = f.graphHeapBytes / f.edges;
  return {
    figures: f,
    rows: [
      {
        tier,
        measure: "load graph file (readGraphJson)",
        value: round(f.loadMs),
        unit: "ms",
        note: `${mb(statSync(file).size)} MB file; ${round(f.loadCpuMs)} ms CPU, ${gcNote(f.phases.load)}; peak RSS ${f.peakRssBytes ? mb(f.peakRssBytes) : "?"} MB`,
      },
      {
        tier,
        measure: "memory per edge (graph heap / edges)",
        value: Math.round(perEdge),
        unit: "B",
        note: `${mb(f.graphHeapBytes)} MB heap for ${f.nodes} nodes + ${f.edges} edges; path + search indexes +${mb(f.indexHeapBytes)} MB, built in ${round(f.pathIndexMs)} + ${round(f.searchIndexMs)} ms (${gcNote(f.phases.pathIndex)}; ${gcNote(f.phases.searchIndex)})`,
      },
    ],
  };
}

function gcNote(phase: LoadPhase): string {
  return `${phase.gcCount} GC pauses ${round(phase.gcMs)} ms`;
}
