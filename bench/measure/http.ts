/**
 * HTTP measures: /api/paths latency and throughput against a bare node:http server answering the same query, and
 * path-query latency and event-loop delay while a whole-graph export runs (GEXF, Neo4j bundle, Turtle, JSON-LD).
 */
import { readFileSync } from "node:fs";
import autocannon, { type Result } from "autocannon";
import { lowerIsBetter, round, type Row } from "../report.ts";
import { startServiceChild } from "../util/child.ts";
import { quantile, summarize } from "../util/stats.ts";

/** Tunables of {@link measureHttp}. */
export interface HttpMeasureOptions {
  /** Sequential requests per server for the latency figures. */
  sequential: number;
  /** autocannon: connections and seconds per round; rounds alternate between the two servers. */
  connections: number;
  seconds: number;
  rounds: number;
  /** Measure path queries during an export in each of {@link DURING_EXPORT_FORMATS} (the 100k tier). */
  duringExport: boolean;
  /** Wall-clock cap of each sequential loop. */
  loopBudgetMs: number;
  /** Wall-clock cap of each export the path queries run beside (then the export is cut). */
  exportBudgetMs: number;
}

export const DEFAULT_HTTP_MEASURE_OPTIONS: HttpMeasureOptions = {
  sequential: 1000,
  connections: 10,
  seconds: 2,
  rounds: 5,
  duringExport: false,
  loopBudgetMs: 45_000,
  exportBudgetMs: 180_000,
};

/** The formats exported while path queries are measured, with their names in the table. */
export const DURING_EXPORT_FORMATS = [
  ["gexf", "GEXF"],
  ["neo4j", "Neo4j-bundle"],
  ["turtle", "Turtle"],
  ["jsonld", "JSON-LD"],
] as const;

// The servers' child writes request logs at info into /dev/null unless BENCH_REQUEST_LOGS=off (see child/servers.ts).
const REQUEST_LOGS = process.env.BENCH_REQUEST_LOGS === "off" ? "off" : "on (info, to /dev/null)";

/** The child's URLs: the server as `npm start` runs it, and the bare baseline. */
interface Servers {
  ours: string;
  bare: string;
}

/** Starts the servers' child on `file`, measures, and stops it. */
export async function measureHttp(
  tier: string,
  file: string,
  pairs: [string, string][],
  options: Partial<HttpMeasureOptions> = {},
): Promise<Row[]> {
  const opts = { ...DEFAULT_HTTP_MEASURE_OPTIONS, ...options };
  const child = await startServiceChild<Servers>("servers", [file]);
  try {
    const { ours: server, bare } = child.ready;
    const ours = (p: [string, string]) => `/api/paths?from=${encodeURIComponent(p[0])}&to=${encodeURIComponent(p[1])}`;
    const base = (p: [string, string]) => `/paths?from=${encodeURIComponent(p[0])}&to=${encodeURIComponent(p[1])}`;
    const cpu = () => processCpuMs(child.process.pid!);
    const rows = await sequentialLatency(tier, server, bare, pairs, ours, base, opts);
    rows.push(...(await throughput(tier, server, bare, pairs, ours, base, opts, cpu)));
    if (opts.duringExport)
      for (const [format, name] of DURING_EXPORT_FORMATS)
        rows.push(...(await duringExport(tier, server, bare, pairs, ours, opts, format, name)));
    return rows;
  } finally {
    await child.stop();
  }
}

async function sequentialLatency(
  tier: string,
  server: string,
  bare: string,
  pairs: [string, string][],
  ours: (p: [string, string]) => string,
  base: (p: [string, string]) => string,
  opts: HttpMeasureOptions,
): Promise<Row[]> {
  const a: number[] = [];
  const b: number[] = [];
  let failures = 0;
  const deadline = performance.now() + opts.loopBudgetMs;
  for (const pair of pairs.slice(0, opts.sequential)) {
    if (performance.now() > deadline) break;
    const [okA, msA] = await timedGet(server + ours(pair));
    const [okB, msB] = await timedGet(bare + base(pair));
    a.push(msA);
    b.push(msB);
    if (!okA || !okB) failures++;
  }
  const sa = summarize(a);
  const sb = summarize(b);
  return [
    {
      tier,
      measure: "GET /api/paths p50 (sequential, 1 connection)",
      value: round(sa.p50, 2),
      unit: "ms",
      baseline: "bare node:http",
      baselineValue: round(sb.p50, 2),
      ratio: lowerIsBetter(sa.p50, sb.p50),
      note: `${sa.count} pairs, p99 ${round(sa.p99, 2)} ms (bare ${round(sb.p99, 2)} ms), ${failures} failed`,
    },
  ];
}

async function throughput(
  tier: string,
  server: string,
  bare: string,
  pairs: [string, string][],
  ours: (p: [string, string]) => string,
  base: (p: [string, string]) => string,
  opts: HttpMeasureOptions,
  cpu: () => number,
): Promise<Row[]> {
  const cpuPerRequest = { ours: 0, bare: 0, oursRequests: 0, bareRequests: 0 };
  const load = async (url: string, pathOf: (p: [string, string]) => string) => {
    let i = 0;
    const c0 = cpu();
    const result = await autocannon({
      url,
      connections: opts.connections,
      duration: opts.seconds,
      timeout: 10,
      requests: [{ setupRequest: (req) => ({ ...req, path: pathOf(pairs[i++ % pairs.length]) }) }],
    });
    const which = url === server ? "ours" : "bare";
    cpuPerRequest[which] += cpu() - c0;
    cpuPerRequest[`${which}Requests`] += result.requests.total;
    return result;
  };
  // Each round measures both servers back to back, in alternating order, and the ratio is the median of the rounds'
  // ratios: on a shared 2-core machine the load drifts between rounds, and a pair close in time sees the same load.
  const mine: Result[] = [];
  const theirs: Result[] = [];
  for (let r = 0; r < opts.rounds; r++) {
    if (r % 2 === 0) {
      mine.push(await load(server, ours));
      theirs.push(await load(bare, base));
    } else {
      theirs.push(await load(bare, base));
      mine.push(await load(server, ours));
    }
  }
  const median = (xs: number[]) => quantile(xs, 0.5);
  const rps = (rs: Result[]) => median(rs.map((r) => r.requests.average));
  const p99 = (rs: Result[]) => Math.min(...rs.map((r) => r.latency.p99));
  const errors = (rs: Result[]) => rs.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
  const ratios = mine.map((r, i) => r.requests.average / theirs[i].requests.average);
  const ratio = round(median(ratios), 2);
  return [
    {
      tier,
      measure: `GET /api/paths throughput (${opts.connections} connections)`,
      value: round(rps(mine), 0),
      unit: "req/s",
      baseline: "bare node:http",
      baselineValue: round(rps(theirs), 0),
      ratio,
      target: "≥ 0.8× bare",
      met: ratio >= 0.8,
      note:
        `npm start's handler, request logs ${REQUEST_LOGS}; median of ${opts.rounds} paired ${opts.seconds}s rounds ` +
        `(ratios ${ratios.map((x) => round(x, 2)).join(", ")}); ${errors(mine)} errors (bare ${errors(theirs)}); ` +
        `server CPU per request ${round(cpuPerRequest.ours / cpuPerRequest.oursRequests, 3)} ms ` +
        `(bare ${round(cpuPerRequest.bare / cpuPerRequest.bareRequests, 3)} ms)`,
    },
    {
      tier,
      measure: `GET /api/paths p99 (${opts.connections} connections)`,
      value: p99(mine),
      unit: "ms",
      baseline: "bare node:http",
      baselineValue: p99(theirs),
      ratio: lowerIsBetter(p99(mine), p99(theirs)),
      target: "≤ 10 ms",
      met: p99(mine) <= 10,
    },
  ];
}

async function duringExport(
  tier: string,
  server: string,
  bare: string,
  pairs: [string, string][],
  ours: (p: [string, string]) => string,
  opts: HttpMeasureOptions,
  format: string,
  name: string,
): Promise<Row[]> {
  const exportPath = `/api/export?format=${format}`;
  const route = await fetch(server + exportPath, { method: "HEAD" }).then((r) => r.status !== 404);
  await fetch(`${bare}/bench/eld?action=start`);
  const t0 = performance.now();
  let finished = false;
  // The export is cut after the export budget: the figures are about the queries served meanwhile.
  const abort = new AbortController();
  let bytes = 0;
  const exporting = (
    route
      ? fetch(server + exportPath, { signal: abort.signal }).then(async (r) => {
          for await (const chunk of r.body!) bytes += (chunk as Uint8Array).length;
        })
      : fetch(`${bare}/bench/export?format=${format}`, { signal: abort.signal })
          .then((r) => r.json() as Promise<{ bytes: number }>)
          .then((r) => void (bytes = r.bytes))
  )
    .catch(() => undefined)
    .finally(() => (finished = true));
  const times: number[] = [];
  const failures: string[] = [];
  const deadline = performance.now() + opts.exportBudgetMs;
  for (let i = 0; !finished && performance.now() < deadline; i++) {
    const t = performance.now();
    // A query the server does not answer is a failure of the figure, counted with its cause, not the end of it.
    try {
      const [ok, ms] = await timedGet(server + ours(pairs[i % pairs.length]));
      times.push(ms);
      if (!ok) failures.push("non-2xx");
    } catch (error) {
      const cause = (error as Error).cause;
      failures.push(cause instanceof Error ? cause.message : (error as Error).message);
      times.push(performance.now() - t);
    }
  }
  const completed = finished;
  abort.abort();
  await exporting;
  const exportMs = performance.now() - t0;
  const loop = (await (await fetch(`${bare}/bench/eld?action=stop`)).json()) as { maxMs: number; p99Ms: number };
  const s = summarize(times);
  const how = route ? `GET ${exportPath}` : `answerExport(${format}) in the server process (no /api/export route)`;
  return [
    {
      tier,
      measure: `GET /api/paths p99 during a ${name} export`,
      value: round(s.p99, 1),
      unit: "ms",
      target: "< 50 ms, none failed",
      met: s.p99 < 50 && failures.length === 0,
      note:
        `${s.count} queries over ${round(exportMs / 1000, 1)} s of ${how} (${round(bytes / 1e6, 1)} MB)` +
        `${completed ? "" : " (cut at the export budget)"}; p50 ${round(s.p50, 1)} ms; ${failures.length} failed` +
        (failures.length ? ` (${[...new Set(failures)].join("; ").slice(0, 200)})` : ""),
    },
    {
      tier,
      measure: `event-loop delay max during the ${name} export`,
      value: round(loop.maxMs, 1),
      unit: "ms",
      target: "≤ 250 ms",
      met: loop.maxMs <= 250,
      note: `p99 ${round(loop.p99Ms, 1)} ms (monitorEventLoopDelay)`,
    },
  ];
}

/** CPU time (user + system) a process has used, in ms, from /proc (Linux clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

async function timedGet(url: string): Promise<[boolean, number]> {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return [res.ok, performance.now() - t];
}
