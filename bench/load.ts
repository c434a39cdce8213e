/**
 * Load test: serves the 100k-node / 500k-edge benchmark graph in a child process on 127.0.0.1 and drives it with
 * autocannon for a fixed time with mixed traffic (paths, search, node detail, neighbours, small exports). Passes when
 * no request errors, every (pre-checked valid) request answers 2xx, and the server's resident memory at the end is
 * within 10% of its level after warm-up. Not part of `npm test`: run `node --import tsx bench/load.ts`.
 */
import autocannon from "autocannon";
import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isLoopbackHost } from "../src/server/auth.ts";
import { startServer } from "../src/server/start.ts";
import { mulberry32 } from "../src/util/random.ts";
import { BENCH_OUT, ensureGraphFile } from "./graphs/cache.ts";

/** Tunables of the load test (each also a `--flag value` on the command line). */
export interface LoadOptions {
  nodes: number;
  edges: number;
  seed: number;
  /** Length of the measured run. */
  seconds: number;
  /** Length of the warm-up run before the baseline memory reading. */
  warmupSeconds: number;
  /** Concurrent keep-alive connections. */
  connections: number;
  /** Distinct request URLs generated (and pre-checked) for the run. */
  pool: number;
  /** Largest allowed growth of resident memory from after warm-up to the end. */
  maxRssGrowth: number;
}

export const DEFAULT_LOAD_OPTIONS: LoadOptions = {
  nodes: 100_000,
  edges: 500_000,
  seed: 7,
  seconds: 60,
  warmupSeconds: 10,
  connections: 8,
  pool: 2000,
  maxRssGrowth: 0.1,
};

// The whole script stops by itself after its runs plus this margin, whatever happens.
const HARD_STOP_MARGIN_MS = 10 * 60_000;
const CHILD_FLAG = "--serve-child";

type Memory = { rss: number; heapUsed: number };
type ChildMessage = { type: "listening"; url: string; loadMs: number } | ({ type: "memory" } & Memory);

// Section: the server child (its own process, so its memory is measured alone)

async function serveChild(graphFile: string): Promise<void> {
  const t0 = performance.now();
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    graphFile,
    readOnly: true,
    watch: false,
    app: { requestLogs: false },
  });
  process.send?.({ type: "listening", url: server.url, loadMs: Math.round(performance.now() - t0) });
  process.on("message", (message: { type: string }) => {
    if (message.type === "memory") {
      const { rss, heapUsed } = process.memoryUsage();
      process.send?.({ type: "memory", rss, heapUsed });
    } else if (message.type === "stop") {
      void server.close().then(() => process.exit(0));
    }
  });
}

// Section: the driver

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

function nextMessage<T extends ChildMessage["type"]>(
  child: ChildProcess,
  type: T,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(message as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null) => reject(new Error(`load: the server process exited (code ${code})`));
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

async function memoryOf(child: ChildProcess): Promise<Memory> {
  const reply = nextMessage(child, "memory");
  child.send({ type: "memory" });
  const { rss, heapUsed } = await reply;
  return { rss, heapUsed };
}

/** Search words: the labels of a sample of nodes, read through the API. */
async function sampleLabels(url: string, options: LoadOptions, random: () => number): Promise<string[]> {
  const labels: string[] = [];
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${url}/api/graph/nodes/n${Math.floor(random() * options.nodes)}?limit=1`);
    if (res.ok) labels.push(((await res.json()) as { attributes: { label: string } }).attributes.label);
  }
  return labels;
}

/** The mixed request URLs: paths 25%, search 25%, node detail 25%, neighbours 10%, small exports 15%. */
function requestPool(options: LoadOptions, labels: string[], withExports: boolean, random: () => number): string[] {
  const node = () => `n${Math.floor(random() * options.nodes)}`;
  const word = () => {
    const words = labels[Math.floor(random() * labels.length)].split(/\s+/);
    return encodeURIComponent(words[Math.floor(random() * words.length)].slice(0, 1 + Math.floor(random() * 8)));
  };
  const pool: string[] = [];
  for (let i = 0; i < options.pool; i++) {
    const r = random();
    if (r < 0.25) pool.push(`/api/paths?from=${node()}&to=${node()}`);
    else if (r < 0.5) pool.push(`/api/search?q=${word()}&limit=10`);
    else if (r < 0.75) pool.push(`/api/graph/nodes/${node()}`);
    else if (r < 0.85 || !withExports) pool.push(`/api/nodes/${node()}/neighbors?depth=1&limit=100`);
    else pool.push(`/api/export?format=${["json", "gexf", "graphml"][i % 3]}&node=${node()}&depth=1`);
  }
  return pool;
}

/** What a pooled request asks for, for the per-kind timings. */
function kindOf(p: string): string {
  if (p.includes("/neighbors")) return "neighbors";
  return p.startsWith("/api/graph/nodes/") ? "nodes" : p.split(/[/?]/)[2];
}

/**
 * Sends every pooled request once, one at a time; returns the ones that do not answer 2xx (they are bugs, and are
 * left out of the run) and the median and slowest time of each kind of request on an otherwise idle server.
 */
async function precheck(url: string, pool: string[]): Promise<{ bad: string[]; kinds: Record<string, string> }> {
  const bad: string[] = [];
  const times = new Map<string, number[]>();
  for (const p of pool) {
    const t0 = performance.now();
    const res = await fetch(url + p);
    await res.arrayBuffer();
    const kind = kindOf(p);
    times.set(kind, [...(times.get(kind) ?? []), performance.now() - t0]);
    if (res.status < 200 || res.status >= 300) bad.push(`${res.status} ${p}`);
  }
  const kinds: Record<string, string> = {};
  for (const [kind, ms] of times) {
    ms.sort((a, b) => a - b);
    kinds[kind] = `n=${ms.length} p50=${ms[ms.length >> 1].toFixed(1)}ms max=${ms[ms.length - 1].toFixed(1)}ms`;
  }
  return { bad, kinds };
}

function run(url: string, pool: string[], seconds: number, connections: number): Promise<autocannon.Result> {
  let i = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: pool[i++ % pool.length] }) }],
  });
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const hardStop = setTimeout(
    () => {
      console.error("load: hard time limit reached; stopping");
      process.exit(2);
    },
    (options.seconds + options.warmupSeconds) * 1000 + HARD_STOP_MARGIN_MS,
  );
  hardStop.unref();
  const graph = ensureGraphFile({ nodes: options.nodes, edges: options.edges, seed: options.seed });
  console.log(`load: graph ${graph.file}${graph.generated ? ` (generated in ${Math.round(graph.ms)} ms)` : ""}`);
  const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, graph.file], {
    execArgv: ["--import", "tsx", "--max-old-space-size=8192"],
    env: { ...process.env, LOG_LEVEL: "warn" },
  });
  try {
    const { url, loadMs } = await nextMessage(child, "listening");
    if (!isLoopbackHost(new URL(url).hostname)) throw new Error(`load: the server listens on ${url}, not loopback`);
    console.log(`load: serving at ${url} (loaded in ${loadMs} ms)`);
    const random = mulberry32(options.seed);
    const labels = await sampleLabels(url, options, random);
    const exportProbe = await fetch(`${url}/api/export?format=json&node=n1&depth=1`);
    await exportProbe.arrayBuffer();
    const withExports = exportProbe.ok;
    if (!withExports) console.log(`load: /api/export answers ${exportProbe.status}; the mix runs without exports`);
    const candidates = requestPool(options, labels, withExports, random);
    const { bad: invalid, kinds } = await precheck(url, candidates);
    const pool = candidates.filter((p) => !invalid.some((b) => b.endsWith(` ${p}`)));
    console.log(
      `load: ${pool.length} distinct requests pre-checked (${invalid.length} not 2xx: ${invalid.slice(0, 5).join("; ")})`,
    );
    await run(url, pool, options.warmupSeconds, options.connections);
    const afterWarmup = await memoryOf(child);
    console.log(
      `load: after warm-up rss ${mb(afterWarmup.rss)} MB, heap ${mb(afterWarmup.heapUsed)} MB; running ${options.seconds} s`,
    );
    const result = await run(url, pool, options.seconds, options.connections);
    const atEnd = await memoryOf(child);
    const growth = (atEnd.rss - afterWarmup.rss) / afterWarmup.rss;
    const summary = {
      graph: { nodes: options.nodes, edges: options.edges },
      seconds: options.seconds,
      connections: options.connections,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      invalidInPrecheck: invalid.length,
      rssMB: { afterWarmup: mb(afterWarmup.rss), end: mb(atEnd.rss), growthPercent: +(growth * 100).toFixed(1) },
      heapMB: { afterWarmup: mb(afterWarmup.heapUsed), end: mb(atEnd.heapUsed) },
      exports: withExports,
      sequentialByKind: kinds,
      loadAverage: os.loadavg().map((l) => +l.toFixed(1)),
      cores: os.availableParallelism(),
    };
    mkdirSync(BENCH_OUT, { recursive: true });
    writeFileSync(path.join(BENCH_OUT, "load.json"), JSON.stringify(summary, null, 2) + "\n");
    console.log(JSON.stringify(summary, null, 2));
    const failures = [
      result.errors > 0 ? `${result.errors} errors` : null,
      result.timeouts > 0 ? `${result.timeouts} timeouts` : null,
      result.non2xx > 0 ? `${result.non2xx} non-2xx answers` : null,
      invalid.length > 0 ? `${invalid.length} generated requests were not 2xx in the pre-check` : null,
      growth > options.maxRssGrowth
        ? `rss grew ${(growth * 100).toFixed(1)}% (limit ${options.maxRssGrowth * 100}%)`
        : null,
    ].filter((f): f is string => f !== null);
    console.log(failures.length === 0 ? "load: PASS" : `load: FAIL — ${failures.join(", ")}`);
    process.exitCode = failures.length === 0 ? 0 : 1;
  } finally {
    child.send({ type: "stop" });
    await new Promise((resolve) => child.once("exit", resolve));
    clearTimeout(hardStop);
  }
}

if (process.argv[2] === CHILD_FLAG) {
  await serveChild(process.argv[3]);
} else {
  await main();
}
