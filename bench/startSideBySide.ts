/**
 * Start time side by side: `node bin/kg.js --help`, and `npm start` (spawn → "serving") on the graph file's snapshot,
 * on the checkout's own graph-data/ (the seed graph) and as a read replica of the graph file's snapshot, in this
 * checkout and in another one (`--base DIR`, e.g. a `git worktree` of an earlier commit with node_modules linked),
 * alternating which goes first; medians, with CPU time and load averages.
 *
 *   node --import tsx bench/startSideBySide.ts --graph bench/out/graphs/kg-100000n-500000e-s7-v2.json --base /tmp/base
 *
 * Start once on the file first (either checkout) so its snapshot exists; both checkouts then read the same one. Each
 * checkout's first run of `kg` after a change compiles its copy of src/ (bin/compiled.js): run `node bin/kg.js --help`
 * in both first.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { waitForLine } from "./util/child.ts";
import { quantile } from "./util/stats.ts";

const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const START_TIMEOUT_MS = 300_000;
const CLOCK_TICKS_PER_SECOND = 100;

/** One start: wall seconds from spawn to the line wanted, and the CPU seconds the process group had used by then. */
interface StartFigures {
  seconds: number;
  cpuSeconds: number;
}

/** CPU seconds (user + system) of every process in group `pgid`, from /proc. */
function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      // Fields after the command name (which may hold spaces): state is field 3, pgrp 5, utime 14, stime 15.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** Runs `command args` in `cwd` (own process group) until a stdout line matches `ready`, then stops it. */
async function timeStart(cwd: string, command: string, args: string[], ready: RegExp): Promise<StartFigures> {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LOG_LEVEL: "warn" },
  });
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      child.kill(signal);
    }
  };
  const service = await waitForLine(child, START_TIMEOUT_MS, (line) => (ready.test(line) ? true : undefined), kill);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = groupCpuSeconds(child.pid!);
  await service.stop();
  return { seconds, cpuSeconds };
}

/** `node bin/kg.js --help` until it has printed its command list (and exited). */
async function timeHelp(cwd: string): Promise<StartFigures> {
  const started = performance.now();
  const child = spawn(process.execPath, ["bin/kg.js", "--help"], { cwd, stdio: ["ignore", "ignore", "ignore"] });
  await new Promise((resolve) => child.once("exit", resolve));
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: NaN };
}

const { values } = parseArgs({
  options: { graph: { type: "string" }, base: { type: "string" }, runs: { type: "string" } },
});
if (!values.graph) throw new Error("bench: give --graph FILE (a graph file whose snapshot exists)");
const graph = path.resolve(values.graph);
const snapshot = path.join(path.dirname(graph), ".kg-cache", `${path.basename(graph)}.snapshot`);
const runs = Number(values.runs ?? 5);
const trees = { ours: HERE, ...(values.base ? { base: path.resolve(values.base) } : {}) } as Record<string, string>;
const LISTEN = ["--port", "0", "--host", "127.0.0.1"];
/** The starts timed, by name: `npm start` with these arguments. */
const STARTS: Record<string, string[]> = {
  "graph file on its snapshot": ["--graph", graph],
  "seed graph (graph-data/)": [],
  "read replica of the snapshot": ["--read-only", "--snapshot", snapshot],
};
type Side = Record<string, StartFigures[]>;
const figures: Record<string, Side> = {};
const loadAtStart = loadavg()[0]!;
for (let i = 0; i < runs; i++) {
  const order = i % 2 === 0 ? Object.keys(trees) : Object.keys(trees).reverse();
  for (const name of order) {
    const side = (figures[name] ??= {});
    const line = [`${name} run ${i + 1}:`];
    (side["--help"] ??= []).push(await timeHelp(trees[name]!));
    line.push(`--help ${side["--help"].at(-1)!.seconds.toFixed(2)} s`);
    for (const [start, args] of Object.entries(STARTS)) {
      const serveArgs = ["start", "--silent", "--", ...args, ...LISTEN];
      const last = await timeStart(trees[name]!, "npm", serveArgs, /^serving /);
      (side[start] ??= []).push(last);
      line.push(`${start} ${last.seconds.toFixed(2)} s (${last.cpuSeconds.toFixed(2)} s CPU)`);
    }
    console.log(`${line.join(", ")}, load ${loadavg()[0]!.toFixed(2)}`);
  }
}
const median = (list: StartFigures[], key: keyof StartFigures) =>
  quantile(
    list.map((f) => f[key]),
    0.5,
  ).toFixed(2);
for (const [name, side] of Object.entries(figures))
  for (const [start, list] of Object.entries(side))
    console.log(
      `${name}: ${start === "--help" ? "node bin/kg.js --help" : `spawn → serving, ${start}`} ` +
        `${median(list, "seconds")} s` +
        (start === "--help" ? "" : ` (${median(list, "cpuSeconds")} s CPU)`) +
        `; medians of ${runs}`,
    );
console.log(`load average ${loadAtStart.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end`);
