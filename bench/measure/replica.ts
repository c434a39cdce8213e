/**
 * Read replica measure: `npm start -- --read-only --snapshot FILE`, a first replica and a second one started beside
 * it on the same file — spawn → serving, resident memory then and after the background graph build, and the memory
 * each holds of its own (PSS) while both run — then the swap when a new snapshot is renamed over the file.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { foreignSnapshotPath, writeSnapshot } from "../../src/snapshot/index.ts";
import { round, type Row } from "../report.ts";
import { checksumOf, copySnapshotWithKey } from "../util/rekeySnapshot.ts";
import { quantile } from "../util/stats.ts";
import { startKgServe } from "./browser.ts";
import { firstStart } from "./snapshotFirstStart.ts";

const POLL_MS = 20;

/** How long the measure runs and waits. */
export interface ReplicaMeasureOptions {
  /** Rounds of first replica, second beside it, swap; medians are reported. */
  runs: number;
  /** Spawn → `serving`, per replica. */
  startTimeoutMs: number;
  /** Serving → graph built, and rename → new snapshot served → its graph built. */
  buildTimeoutMs: number;
}

export const DEFAULT_REPLICA_MEASURE_OPTIONS: ReplicaMeasureOptions = {
  runs: 3,
  startTimeoutMs: 600_000,
  buildTimeoutMs: 300_000,
};

type Health = { graph: string; snapshot?: { checksum: string } };

interface ReplicaFigures {
  servingMs: number;
  rssMb: number;
  /** Spawn → /api/health says the graph is built. */
  graphMs: number;
  graphRssMb: number;
  /** Proportional set size while both replicas run, their graphs built: shared pages split between them. */
  pssMb: number;
}

interface SwapFigures {
  /** Rename → /api/health reports the new snapshot's checksum (read, checked whole, swapped). */
  swapMs: number;
  /** Rename → the new snapshot's graph built (health says ready again). */
  rebuildMs: number;
  /** Resident memory once the new graph is built. */
  rssMb: number;
  requests: number;
  failed: number;
}

type Replica = Awaited<ReturnType<typeof startKgServe>>;

/** The node process of `pgid`'s group (npm start runs node under a shell): the one with the largest resident set. */
function serverPid(pgid: number): number {
  const rows = execFileSync("ps", ["-eo", "pid=,pgid=,rss="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([, group]) => group === pgid)
    .sort((a, b) => b[2] - a[2]);
  return rows[0][0];
}

/** Resident and proportional set sizes (MB) of the group's server process, from /proc. */
function memoryOf(pgid: number): { rssMb: number; pssMb: number } {
  const rollup = readFileSync(`/proc/${serverPid(pgid)}/smaps_rollup`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(rollup)?.[1] ?? NaN);
  return { rssMb: kb("Rss") / 1024, pssMb: kb("Pss") / 1024 };
}

/**
 * Requests whose connection the server reset: a server whose event loop is held longer than its keep-alive timeout
 * closes the idle connection a request is already waiting on. Counted, not fatal; a server gone still fails the run.
 */
interface Resets {
  health: number;
  search: number;
}

function wasReset(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code === "ECONNRESET" || cause?.code === "UND_ERR_SOCKET";
}

/** The replica's /api/health, or null when its connection was reset. */
async function health(replica: Replica, resets: Resets): Promise<Health | null> {
  try {
    return (await (await fetch(`${replica.url}/api/health`)).json()) as Health;
  } catch (error) {
    if (!wasReset(error)) throw error;
    resets.health++;
    return null;
  }
}

/** Polls /api/health until `done`; throws saying what did not happen when `timeoutMs` passes first. */
async function until(
  replica: Replica,
  done: (h: Health) => boolean,
  timeoutMs: number,
  what: string,
  resets: Resets,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (let h = await health(replica, resets); !h || !done(h); h = await health(replica, resets)) {
    if (performance.now() > deadline)
      throw new Error(`bench: replica ${what} not within ${timeoutMs / 1000} s; raise buildTimeoutMs for this size`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Starts a replica on `file` and waits for its graph; its figures but PSS (taken once both run). */
async function startReplica(
  file: string,
  opts: ReplicaMeasureOptions,
  resets: Resets,
): Promise<{ replica: Replica; figures: Omit<ReplicaFigures, "pssMb"> }> {
  const replica = await startKgServe(["--read-only", "--snapshot", file], "npm", opts.startTimeoutMs);
  const spawnedAt = performance.now() - replica.readyMs;
  const rssMb = memoryOf(replica.pid).rssMb;
  try {
    await until(replica, (h) => h.graph === "ready", opts.buildTimeoutMs, "graph built", resets);
  } catch (error) {
    await replica.stop();
    throw error;
  }
  const graphMs = performance.now() - spawnedAt;
  const graphRssMb = memoryOf(replica.pid).rssMb;
  return { replica, figures: { servingMs: replica.readyMs, rssMb, graphMs, graphRssMb } };
}

/** Renames `next` over `file` under `replica` and times the swap, asking /api/search all along. */
async function swap(
  replica: Replica,
  file: string,
  next: string,
  checksum: string,
  timeoutMs: number,
  resets: Resets,
): Promise<SwapFigures> {
  const staged = `${file}.incoming`;
  copyFileSync(next, staged);
  let requests = 0;
  let failed = 0;
  let asking = true;
  const asker = (async () => {
    while (asking) {
      requests++;
      try {
        const res = await fetch(`${replica.url}/api/search?q=agency`);
        await res.arrayBuffer();
        if (!res.ok) failed++;
      } catch (error) {
        if (!wasReset(error)) throw error;
        resets.search++;
        failed++;
      }
    }
  })();
  const t0 = performance.now();
  let swapMs: number;
  let rebuildMs: number;
  try {
    renameSync(staged, file);
    await until(replica, (h) => h.snapshot?.checksum === checksum, timeoutMs, "new snapshot served", resets);
    swapMs = performance.now() - t0;
    await until(replica, (h) => h.graph === "ready", timeoutMs, "new snapshot's graph built", resets);
    rebuildMs = performance.now() - t0;
  } finally {
    asking = false;
    await asker;
  }
  return { swapMs, rebuildMs, rssMb: memoryOf(replica.pid).rssMb, requests, failed };
}

/** Writes a snapshot of `graph` into `dir` for {@link measureReplica}; its path. */
export function writeReplicaSource(graph: KnowledgeGraph, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "source.snapshot");
  writeSnapshot(graph, file, { key: "bench replica" });
  return file;
}

/**
 * The snapshot a first start of `npm start -- --graph file` writes beside the file, for {@link measureReplica} on a
 * graph too large to read into the bench process: the start is run, and reported, only when there is none yet.
 */
export async function firstStartSnapshot(
  tier: string,
  file: string,
  pair: [string, string],
): Promise<{ snapshot: string; rows: Row[] }> {
  const snapshot = foreignSnapshotPath(file);
  if (existsSync(snapshot)) return { snapshot, rows: [] };
  const start = await firstStart(file, pair);
  const row: Row = {
    tier,
    measure: "replica source: npm start --graph, no snapshot: spawn → snapshot written",
    value: round(start.writtenMs / 1000, 1),
    unit: "s",
    note: `one start; serving after ${round(start.servingMs / 1000, 1)} s (${start.servingCpuSeconds} s of CPU, RSS ${start.servingRssMb} MB then); ${round(start.bytes / 1e6)} MB written`,
  };
  return { snapshot, rows: [row] };
}

/**
 * Copies `snapshot` under another key (another checksum, the same graph) into `dir`, then runs rounds of: a first
 * replica, a second beside it, the second stopped, a swap on the first between the two files. Medians. The copies are
 * removed at the end; `snapshot` is left as it is.
 */
export async function measureReplica(
  tier: string,
  snapshot: string,
  dir: string,
  options: Partial<ReplicaMeasureOptions> = {},
): Promise<Row[]> {
  const opts = { ...DEFAULT_REPLICA_MEASURE_OPTIONS, ...options };
  mkdirSync(dir, { recursive: true });
  const other = path.join(dir, "swap.snapshot");
  const file = path.join(dir, "graph.snapshot");
  const firsts: ReplicaFigures[] = [];
  const seconds: ReplicaFigures[] = [];
  const swaps: SwapFigures[] = [];
  const resets: Resets = { health: 0, search: 0 };
  let swapFailure: string | null = null;
  try {
    copySnapshotWithKey(snapshot, other, "bench replica swap");
    for (let run = 0; run < opts.runs; run++) {
      const [current, next] = run % 2 === 0 ? [snapshot, other] : [other, snapshot];
      copyFileSync(current, `${file}.incoming`);
      renameSync(`${file}.incoming`, file);
      const first = await startReplica(file, opts, resets);
      try {
        const second = await startReplica(file, opts, resets);
        try {
          firsts.push({ ...first.figures, pssMb: memoryOf(first.replica.pid).pssMb });
          seconds.push({ ...second.figures, pssMb: memoryOf(second.replica.pid).pssMb });
        } finally {
          await second.replica.stop();
        }
        // A swap that fails (e.g. its rebuild outlasts the timeout) leaves the replicas' own figures standing.
        try {
          swaps.push(await swap(first.replica, file, next, checksumOf(next), opts.buildTimeoutMs, resets));
        } catch (error) {
          swapFailure = (error as Error).message;
        }
      } finally {
        await first.replica.stop();
      }
    }
  } finally {
    for (const f of [other, file, `${file}.incoming`]) rmSync(f, { force: true });
  }
  return rows(tier, opts.runs, firsts, seconds, { swaps, failure: swapFailure }, resets);
}

function rows(
  tier: string,
  runs: number,
  firsts: ReplicaFigures[],
  seconds: ReplicaFigures[],
  { swaps, failure }: { swaps: SwapFigures[]; failure: string | null },
  resets: Resets,
): Row[] {
  const m = <T>(list: T[], key: keyof T) =>
    quantile(
      list.map((f) => Number(f[key])),
      0.5,
    );
  const rounds = runs === 1 ? "one round" : `medians of ${runs} rounds`;
  const reset = resets.health + resets.search > 0 ? `; connections reset: ${resets.health} /api/health polls` : "";
  const note = `npm start -- --read-only --snapshot, ${rounds}; page cache warm${reset}`;
  const pair = (measure: string, key: keyof ReplicaFigures, unit: "s" | "MB"): Row => {
    const [first, second] = [m(firsts, key), m(seconds, key)];
    const value = (x: number) => (unit === "s" ? round(x / 1000, 2) : round(x));
    return {
      tier,
      measure,
      value: value(second),
      unit,
      baseline: "first replica",
      baselineValue: value(first),
      note: `${note}; value: the second replica, started while the first runs`,
    };
  };
  const requests = swaps.reduce((sum, s) => sum + s.requests, 0);
  const failed = swaps.reduce((sum, s) => sum + s.failed, 0);
  return [
    pair("replica: spawn → serving", "servingMs", "s"),
    pair("replica: RSS when serving", "rssMb", "MB"),
    pair("replica: spawn → graphology graph built", "graphMs", "s"),
    pair("replica: RSS after the graph build", "graphRssMb", "MB"),
    pair("replica: PSS with both running (shared pages split)", "pssMb", "MB"),
    {
      tier,
      measure: "replica: new snapshot renamed in → served (read, checked whole, swapped)",
      value: failure ? null : round(m(swaps, "swapMs") / 1000, 2),
      unit: "s",
      note: failure
        ? `${note}; a swap failed: ${failure}`
        : `${note}; → its graph built ${round(m(swaps, "rebuildMs") / 1000, 2)} s, RSS then ${round(m(swaps, "rssMb"))} MB; ${requests} /api/search requests during the swaps, ${failed} failed (${resets.search} reset)`,
    },
  ];
}
