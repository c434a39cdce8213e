/**
 * Load test: serves the 100k-node / 500k-edge benchmark graph on 127.0.0.1 in two child processes — our server, and a
 * bare node:http baseline answering the same URLs with the same answer functions (child/loadBare.ts) — and drives
 * both with the same mixed traffic (paths, search, node detail, neighbours, small exports) from autocannon, in
 * alternating rounds. Passes when no request errors, every (pre-checked valid, sampled-equal) request answers 2xx, our
 * server's resident memory at the end is within 10% of its level after warm-up (both read after a full garbage
 * collection, so the figure is what the server holds, not when V8 last collected), and our throughput is at least half
 * the baseline's (loadVerdict.ts). Not part of `npm test`: run `node --import tsx bench/load.ts`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isLoopbackHost } from "../src/server/auth.ts";
import { mulberry32 } from "../src/util/random.ts";
import { BENCH_OUT, ensureGraphFile } from "./graphs/cache.ts";
import { latencyOf, precheck, requestPool, runMix, sampleLabels, type MixRun } from "./loadMix.ts";
import { combineRounds, growth, loadVerdict, throughputRatio, type ServerFigures } from "./loadVerdict.ts";
import { forkServedChild, type ChildMemory, type ServedChild } from "./util/servedChild.ts";

/** Tunables of the load test (each also a `--flag value` on the command line). */
export interface LoadOptions {
  nodes: number;
  edges: number;
  seed: number;
  /** Measured seconds per server, split evenly over the rounds. */
  seconds: number;
  /** Rounds; each runs our server then the baseline for seconds ÷ rounds. */
  rounds: number;
  /** Length of each server's warm-up run before its baseline memory reading. */
  warmupSeconds: number;
  /** Concurrent keep-alive connections. */
  connections: number;
  /** Distinct request URLs generated (and pre-checked) for the run. */
  pool: number;
  /** Largest allowed growth of our resident memory (after a full collection) from after warm-up to the end. */
  maxRssGrowth: number;
  /** Smallest allowed throughput ours ÷ bare. */
  minRatio: number;
}

export const DEFAULT_LOAD_OPTIONS: LoadOptions = {
  nodes: 100_000,
  edges: 500_000,
  seed: 7,
  seconds: 60,
  rounds: 2,
  warmupSeconds: 10,
  connections: 8,
  pool: 2000,
  maxRssGrowth: 0.1,
  minRatio: 0.5,
};

// The whole script stops by itself after its runs plus this margin (loading, pre-check), whatever happens.
const HARD_STOP_MARGIN_MS = 15 * 60_000;

function parseOptions(argv: string[]): LoadOptions {
  const options = { ...DEFAULT_LOAD_OPTIONS };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "") as keyof LoadOptions;
    const value = Number(argv[i + 1]);
    if (!(key in options) || !Number.isFinite(value))
      throw new Error(
        `load: unknown option ${argv[i]} ${argv[i + 1] ?? ""}; options are --${Object.keys(options).join(", --")}`,
      );
    options[key] = value;
  }
  return options;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

/** A server under test, its rounds and memory readings. */
interface Subject {
  name: "ours" | "bare";
  child: ServedChild;
  rounds: MixRun[];
  afterWarmup?: ChildMemory;
}

function figuresOf(subject: Subject, end: ChildMemory): ServerFigures {
  return combineRounds(subject.rounds, subject.afterWarmup!.rssAfterGc, end.rssAfterGc);
}

function report(figures: ServerFigures, subject: Subject, end: ChildMemory) {
  const latency = latencyOf(subject.rounds);
  return {
    requests: figures.requests,
    requestsPerSecond: Math.round(figures.requestsPerSecond),
    perRound: subject.rounds.map((r) => Math.round(r.requests / r.seconds)),
    latencyMs: { p50: latency.p50, p99: latency.p99, max: latency.max },
    errors: figures.errors,
    timeouts: figures.timeouts,
    non2xx: figures.non2xx,
    // The verdict's figures: after a full collection at both readings (see ChildMemory).
    rssAfterGcMB: {
      afterWarmup: mb(figures.rssAfterWarmup),
      end: mb(figures.rssEnd),
      growthPercent: +(growth(figures.rssAfterWarmup, figures.rssEnd) * 100).toFixed(1),
    },
    rssAsFoundMB: { afterWarmup: mb(subject.afterWarmup!.rss), end: mb(end.rss) },
    heapMB: {
      asFound: { afterWarmup: mb(subject.afterWarmup!.heapUsed), end: mb(end.heapUsed) },
      afterGc: { afterWarmup: mb(subject.afterWarmup!.heapUsedAfterGc), end: mb(end.heapUsedAfterGc) },
    },
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const hardStop = setTimeout(
    () => {
      console.error("load: hard time limit reached; stopping");
      process.exit(2);
    },
    2 * (options.seconds + options.warmupSeconds) * 1000 + HARD_STOP_MARGIN_MS,
  );
  hardStop.unref();
  const graph = ensureGraphFile({ nodes: options.nodes, edges: options.edges, seed: options.seed });
  console.log(`load: graph ${graph.file}${graph.generated ? ` (generated in ${Math.round(graph.ms)} ms)` : ""}`);
  const started = await Promise.allSettled([
    forkServedChild("loadServer", graph.file),
    forkServedChild("loadBare", graph.file),
  ]);
  const children = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  try {
    for (const s of started) if (s.status === "rejected") throw s.reason;
    const [oursChild, bareChild] = children;
    for (const child of children)
      if (!isLoopbackHost(new URL(child.url).hostname)) throw new Error(`load: a server listens on ${child.url}`);
    console.log(
      `load: ours at ${oursChild.url} (${oursChild.loadMs} ms), bare at ${bareChild.url} (${bareChild.loadMs} ms)`,
    );
    const random = mulberry32(options.seed);
    const labels = await sampleLabels(oursChild.url, options.nodes, random);
    const exportProbe = await fetch(`${oursChild.url}/api/export?format=json&node=n1&depth=1`);
    await exportProbe.arrayBuffer();
    const withExports = exportProbe.ok;
    if (!withExports) console.log(`load: /api/export answers ${exportProbe.status}; the mix runs without exports`);
    const candidates = requestPool(options, labels, withExports, random);
    const check = await precheck(oursChild.url, bareChild.url, candidates);
    const pool = candidates.filter((p) => !check.bad.some((b) => b.endsWith(` ${p}`)));
    console.log(
      `load: ${pool.length} distinct requests pre-checked on both servers (${check.bad.length} not 2xx: ` +
        `${check.bad.slice(0, 5).join("; ")}); ${check.compared} bodies compared, ${check.differing.length} differ`,
    );
    const subjects: Subject[] = [
      { name: "ours", child: oursChild, rounds: [] },
      { name: "bare", child: bareChild, rounds: [] },
    ];
    for (const subject of subjects) {
      await runMix(subject.child.url, pool, options.warmupSeconds, options.connections);
      subject.afterWarmup = await subject.child.memory();
    }
    const roundSeconds = Math.max(1, Math.round(options.seconds / options.rounds));
    const machine: { round: number; server: string; loadAverage: string }[] = [];
    for (let round = 1; round <= options.rounds; round++)
      for (const subject of subjects) {
        machine.push({ round, server: subject.name, loadAverage: loadAverage() });
        console.log(`load: round ${round}, ${subject.name}, ${roundSeconds} s (load average ${loadAverage()})`);
        subject.rounds.push(await runMix(subject.child.url, pool, roundSeconds, options.connections));
      }
    const [endOurs, endBare] = [await oursChild.memory(), await bareChild.memory()];
    const ours = figuresOf(subjects[0], endOurs);
    const bare = figuresOf(subjects[1], endBare);
    const failures = loadVerdict(ours, bare, { invalid: check.bad.length, differing: check.differing.length }, options);
    const summary = {
      command: `node --import tsx bench/load.ts ${process.argv.slice(2).join(" ")}`.trim(),
      date: new Date().toISOString(),
      graph: { nodes: options.nodes, edges: options.edges },
      secondsPerServer: roundSeconds * options.rounds,
      rounds: options.rounds,
      connections: options.connections,
      ours: report(ours, subjects[0], endOurs),
      bare: report(bare, subjects[1], endBare),
      ratio: +throughputRatio(ours, bare).toFixed(2),
      invalidInPrecheck: check.bad.length,
      bodiesCompared: check.compared,
      bodiesDiffering: check.differing.slice(0, 10),
      exports: withExports,
      sequentialByKind: { ours: check.ours, bare: check.bare },
      machine,
      loadAverageAtEnd: loadAverage(),
      cores: os.availableParallelism(),
    };
    mkdirSync(BENCH_OUT, { recursive: true });
    writeFileSync(path.join(BENCH_OUT, "load.json"), JSON.stringify(summary, null, 2) + "\n");
    console.log(JSON.stringify(summary, null, 2));
    console.log(failures.length === 0 ? "load: PASS" : `load: FAIL — ${failures.join(", ")}`);
    process.exitCode = failures.length === 0 ? 0 : 1;
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    clearTimeout(hardStop);
  }
}

await main();
