/**
 * Report: the rows every measure produces, printed as one table and written to bench/out/results.json.
 */
import { cpus } from "node:os";
import path from "node:path";
import { writeFileAtomic } from "../src/store/atomicWrite.ts";

/** One figure: ours, and when there is a natural baseline, the baseline's figure and the ratio. */
export interface Row {
  tier: string;
  measure: string;
  value: number | null;
  unit: string;
  /** What was compared against, e.g. "graphology-shortest-path bidirectional". */
  baseline?: string;
  baselineValue?: number | null;
  /** > 1 means ours is better (faster, higher throughput, less memory). */
  ratio?: number | null;
  /** The issue's target, in words, and whether this run met it. */
  target?: string;
  met?: boolean;
  note?: string;
}

/** The whole run: where it ran, how long it took and every row. */
export interface BenchResults {
  startedAt: string;
  seconds: number;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; totalMemGB: number };
  /** 1-minute load average: the machine is shared, and figures scale with how busy it was. */
  loadAverage: { start: number; end: number };
  rows: Row[];
}

/** Facts about the machine the suite ran on. */
export function machineInfo(totalMemBytes: number): BenchResults["machine"] {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model ?? "unknown",
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    totalMemGB: Math.round(totalMemBytes / 1e9),
  };
}

/** Ratio for "lower is better" figures (times, memory): baseline / ours. */
export function lowerIsBetter(ours: number | null, baseline: number | null): number | null {
  return ours && baseline ? round(baseline / ours, 2) : null;
}

/** Ratio for "higher is better" figures (throughput): ours / baseline. */
export function higherIsBetter(ours: number | null, baseline: number | null): number | null {
  return ours && baseline ? round(ours / baseline, 2) : null;
}

/** Rounds to `digits` decimals (3 significant places for small numbers). */
export function round(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const d = Math.abs(x) < 1 ? Math.max(digits, 3) : digits;
  return Math.round(x * 10 ** d) / 10 ** d;
}

/** The rows as a Markdown table (what the README carries). */
export function formatTable(rows: Row[]): string {
  const header = ["tier", "measure", "ours", "baseline", "ratio", "target", "note"];
  const lines = rows.map((r) => [
    r.tier,
    r.measure,
    r.value === null ? "n/a" : `${fmt(r.value)} ${r.unit}`,
    r.baseline
      ? `${r.baseline}: ${r.baselineValue === null || r.baselineValue === undefined ? "n/a" : `${fmt(r.baselineValue)} ${r.unit}`}`
      : "",
    r.ratio === null || r.ratio === undefined ? "" : `${fmt(r.ratio)}×`,
    r.target ? `${r.met === undefined ? "" : r.met ? "✔ " : "✘ "}${r.target}` : "",
    r.note ?? "",
  ]);
  return [header, header.map(() => "---"), ...lines].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/** Writes the results as JSON (atomically). */
export function writeResults(results: BenchResults, dir: string): string {
  const file = path.join(dir, "results.json");
  writeFileAtomic(file, JSON.stringify(results, null, 2) + "\n");
  return file;
}

function fmt(x: number): string {
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString("en-US");
  return String(round(x));
}
