/**
 * Read replica measure: `npm start -- --read-only --snapshot FILE`, a first replica and a second one started beside
 * it on the same file — spawn → serving, resident memory then and after the background graph build, and the memory
 * each holds of its own (PSS) while both run — then the swap when a new snapshot is renamed over the file.
 */
import { copyFileSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { writeSnapshot } from "../../src/snapshot/index.ts";
import { round, type Row } from "../report.ts";
import { quantile } from "../util/stats.ts";
import { startKgServe } from "./browser.ts";

const RUNS = 3;
const START_TIMEOUT_MS = 600_000;
const POLL_MS = 20;

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

async function health(replica: Replica): Promise<Health> {
  return (await (await fetch(`${replica.url}/api/health`)).json()) as Health;
}

async function until(replica: Replica, done: (h: Health) => boolean): Promise<void> {
  while (!done(await health(replica))) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}

/** Starts a replica on `file` and waits for its graph; its figures but PSS (taken once both run). */
async function startReplica(file: string): Promise<{ replica: Replica; figures: Omit<ReplicaFigures, "pssMb"> }> {
  const replica = await startKgServe(["--read-only", "--snapshot", file], "npm", START_TIMEOUT_MS);
  const spawnedAt = performance.now() - replica.readyMs;
  const rssMb = memoryOf(replica.pid).rssMb;
  await until(replica, (h) => h.graph === "ready");
  const graphMs = performance.now() - spawnedAt;
  const graphRssMb = memoryOf(replica.pid).rssMb;
  return { replica, figures: { servingMs: replica.readyMs, rssMb, graphMs, graphRssMb } };
}

/** Renames `next` over `file` under `replica` and times the swap, asking /api/search all along. */
async function swap(replica: Replica, file: string, next: string, checksum: string): Promise<SwapFigures> {
  const staged = `${file}.incoming`;
  copyFileSync(next, staged);
  let requests = 0;
  let failed = 0;
  let asking = true;
  const asker = (async () => {
    while (asking) {
      const res = await fetch(`${replica.url}/api/search?q=agency`);
      await res.arrayBuffer();
      requests++;
      if (!res.ok) failed++;
    }
  })();
  const t0 = performance.now();
  renameSync(staged, file);
  await until(replica, (h) => h.snapshot?.checksum === checksum);
  const swapMs = performance.now() - t0;
  await until(replica, (h) => h.graph === "ready");
  const rebuildMs = performance.now() - t0;
  asking = false;
  await asker;
  return { swapMs, rebuildMs, rssMb: memoryOf(replica.pid).rssMb, requests, failed };
}

/** The header checksum of the snapshot at `file`. */
function checksumOf(file: string): string {
  return /"checksum":"([0-9a-f]{40})"/.exec(readFileSync(file).subarray(0, 8192).toString("utf8"))![1];
}

/**
 * Writes two snapshots of `graph` (two keys, so two checksums) into `dir`, then RUNS rounds of: a first replica, a
 * second beside it, the second stopped, a swap on the first. Medians.
 */
export async function measureReplica(tier: string, graph: KnowledgeGraph, dir: string): Promise<Row[]> {
  mkdirSync(dir, { recursive: true });
  const [a, b] = ["a", "b"].map((name) => path.join(dir, `${name}.snapshot`));
  writeSnapshot(graph, a, { key: "bench replica a" });
  writeSnapshot(graph, b, { key: "bench replica b" });
  const file = path.join(dir, "graph.snapshot");
  const firsts: ReplicaFigures[] = [];
  const seconds: ReplicaFigures[] = [];
  const swaps: SwapFigures[] = [];
  for (let run = 0; run < RUNS; run++) {
    const [current, next] = run % 2 === 0 ? [a, b] : [b, a];
    copyFileSync(current, `${file}.incoming`);
    renameSync(`${file}.incoming`, file);
    const first = await startReplica(file);
    try {
      const second = await startReplica(file);
      try {
        firsts.push({ ...first.figures, pssMb: memoryOf(first.replica.pid).pssMb });
        seconds.push({ ...second.figures, pssMb: memoryOf(second.replica.pid).pssMb });
      } finally {
        await second.replica.stop();
      }
      swaps.push(await swap(first.replica, file, next, checksumOf(next)));
    } finally {
      await first.replica.stop();
    }
  }
  return rows(tier, firsts, seconds, swaps);
}

function rows(tier: string, firsts: ReplicaFigures[], seconds: ReplicaFigures[], swaps: SwapFigures[]): Row[] {
  const m = <T>(list: T[], key: keyof T) =>
    quantile(
      list.map((f) => Number(f[key])),
      0.5,
    );
  const note = `npm start -- --read-only --snapshot, medians of ${RUNS} rounds; page cache warm`;
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
      value: round(m(swaps, "swapMs") / 1000, 2),
      unit: "s",
      note: `${note}; → its graph built ${round(m(swaps, "rebuildMs") / 1000, 2)} s, RSS then ${round(m(swaps, "rssMb"))} MB; ${requests} /api/search requests during the swaps, ${failed} failed`,
    },
  ];
}
