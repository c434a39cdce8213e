/**
 * First start measure: `npm start` on a graph file without a snapshot, timed from spawn until it serves and until
 * its log says the snapshot is written, with the event loop's longest delay while it was written and the longest
 * /api/paths answer asked meanwhile.
 */
import { rmSync } from "node:fs";
import { foreignSnapshotPath } from "../../src/snapshot/key.ts";
import { round, type Row } from "../report.ts";
import { groupUsage } from "../util/processUsage.ts";
import { quantile } from "../util/stats.ts";
import { startKgServer } from "./browser.ts";

const RUNS = 3;
const START_TIMEOUT_MS = 1_800_000;
/** The write must end within this after serving, or the run fails. */
const WRITE_TIMEOUT_MS = 600_000;
/** Longest stretch of queries asked after the write, as a baseline. */
const QUIET_MS = 15_000;

/** What one first start measured. */
export interface FirstStartFigures {
  /** Spawn → the "serving" line. */
  servingMs: number;
  /** CPU seconds the server's process group had used, and its largest resident set (MB), just after "serving". */
  servingCpuSeconds: number;
  servingRssMb: number;
  /** Spawn → the "snapshot written" log line. */
  writtenMs: number;
  /** What the server logged with it: the write's own longest slice and the loop's longest delay during it. */
  longestSliceMs: number;
  loopDelayMaxMs: number;
  slices: number;
  bytes: number;
  /** Sequential /api/paths queries answered while the snapshot was being written, and the longest of them. */
  paths: number;
  pathMaxMs: number;
  /** The longest of the same queries asked after the write, for as long again (the machine's load alone). */
  quietPathMaxMs: number;
}

/**
 * What a server's log (LOG_LEVEL=info) says of its background snapshot write: whether one began, and its end (the
 * time from `spawnedAt` and the line's fields) or failure.
 */
export class SnapshotLog {
  spawnedAt = performance.now();
  began = false;
  written: { at: number; fields: Record<string, unknown> } | null = null;
  failure: string | null = null;
  #pending = "";

  /** Reads the server's stderr as it comes. */
  readonly onLog = (text: string): void => {
    const lines = (this.#pending + text).split("\n");
    this.#pending = lines.pop() ?? "";
    for (const line of lines) {
      const fields = logLine(line);
      const msg = typeof fields?.msg === "string" ? fields.msg : "";
      if (msg === "writing the snapshot in the background") this.began = true;
      else if (msg === "snapshot written") this.written = { at: performance.now() - this.spawnedAt, fields: fields! };
      else if (msg.startsWith("could not write the snapshot")) this.failure = String(fields!.err);
    }
  };

  /** Whether the write ended, either way. */
  get ended(): boolean {
    return this.written !== null || this.failure !== null;
  }

  /** Waits (polling, at most `timeoutMs`) until a write that began has ended. */
  async settled(timeoutMs = WRITE_TIMEOUT_MS): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.began && !this.ended && performance.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  }
}

/** A log line of the server, parsed (pino JSON); null for anything else. */
function logLine(line: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(line) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** One start of `npm start -- --graph file` after removing the file's snapshot, until the snapshot is written. */
export async function firstStart(file: string, pair: [string, string]): Promise<FirstStartFigures> {
  rmSync(foreignSnapshotPath(file), { force: true });
  const log = new SnapshotLog();
  const server = await startKgServer(file, "npm", START_TIMEOUT_MS, [], {
    env: { LOG_LEVEL: "info" },
    onLog: log.onLog,
  });
  log.spawnedAt = server.spawnedAt;
  const atServing = await groupUsage(server.pid);
  try {
    const ask = async () => {
      const asked = performance.now();
      const res = await fetch(`${server.url}/api/paths?from=${pair[0]}&to=${pair[1]}`);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`bench: /api/paths answered ${res.status} while the snapshot was written`);
      return performance.now() - asked;
    };
    const latencies: number[] = [];
    const writing = performance.now();
    while (!log.ended) {
      if (performance.now() - writing > WRITE_TIMEOUT_MS)
        throw new Error("bench: the snapshot was not written in time");
      latencies.push(await ask());
    }
    if (!log.written) throw new Error(`bench: the server could not write the snapshot: ${log.failure}`);
    // The same queries for as long again (at most QUIET_MS) with nothing written: what the machine's load alone costs.
    const quiet: number[] = [];
    const quietUntil = performance.now() + Math.min(QUIET_MS, performance.now() - writing);
    while (performance.now() < quietUntil) quiet.push(await ask());
    const { at, fields } = log.written;
    const number = (key: string) => (typeof fields[key] === "number" ? (fields[key] as number) : NaN);
    return {
      servingMs: server.readyMs,
      servingCpuSeconds: atServing?.cpuSeconds ?? NaN,
      servingRssMb: atServing?.rssMb ?? NaN,
      writtenMs: at,
      longestSliceMs: number("longestSliceMs"),
      loopDelayMaxMs: number("loopDelayMaxMs"),
      slices: number("slices"),
      bytes: number("bytes"),
      paths: latencies.length,
      pathMaxMs: latencies.length > 0 ? Math.max(...latencies) : NaN,
      quietPathMaxMs: quiet.length > 0 ? Math.max(...quiet) : NaN,
    };
  } finally {
    await server.stop();
  }
}

/** RUNS first starts (each after removing the snapshot; the last one's stays for the starts measured after); medians. */
export async function measureFirstStart(tier: string, file: string, pair: [string, string]): Promise<Row[]> {
  const runs: FirstStartFigures[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await firstStart(file, pair));
  const m = (key: keyof FirstStartFigures) =>
    quantile(
      runs.map((r) => r[key]),
      0.5,
    );
  const all = (key: keyof FirstStartFigures) => runs.map((r) => round(r[key], 0)).join(", ");
  const note = `npm start --graph without a snapshot, medians of ${RUNS} starts (each after removing it); page cache warm`;
  return [
    {
      tier,
      measure: "npm start, no snapshot: spawn → serving (the snapshot written after listening)",
      value: round(m("servingMs") / 1000, 2),
      unit: "s",
      baseline: "spawn → snapshot written (in the background)",
      baselineValue: round(m("writtenMs") / 1000, 2),
      ratio: round(m("writtenMs") / m("servingMs"), 2),
      note: `${note}; runs ${all("servingMs")} ms → serving, ${all("writtenMs")} ms → written; ${round(m("bytes") / 1e6)} MB in ${round(m("slices"))} slices`,
    },
    {
      tier,
      measure: "npm start, no snapshot: event loop's longest delay while the snapshot is written",
      value: round(m("loopDelayMaxMs")),
      unit: "ms",
      target: "≤ 100 ms",
      met: m("loopDelayMaxMs") <= 100,
      note: `monitorEventLoopDelay in the server over the write (runs ${all("loopDelayMaxMs")} ms); the writer's own longest slice ${round(m("longestSliceMs"))} ms (runs ${all("longestSliceMs")})`,
    },
    {
      tier,
      measure: "npm start, no snapshot: longest sequential /api/paths answer while the snapshot is written",
      value: round(m("pathMaxMs")),
      unit: "ms",
      baseline: "the same queries after the write, as long again (≤ 15 s)",
      baselineValue: round(m("quietPathMaxMs")),
      ratio: round(m("quietPathMaxMs") / m("pathMaxMs"), 2),
      note: `${round(m("paths"))} queries during the write (runs ${all("pathMaxMs")} ms; after: ${all("quietPathMaxMs")} ms)`,
    },
  ];
}
