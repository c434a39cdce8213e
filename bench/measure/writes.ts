/**
 * Writes into a large served graph: sequential /api/paths queries against a served child (bench/child/writes.ts),
 * first with no writes, then while a stream of small articles is posted to /api/documents one after another, with the
 * child's event-loop delay histogram read over each phase.
 */
import { round, lowerIsBetter, type Row } from "../report.ts";
import { startServiceChild } from "../util/child.ts";
import { summarize } from "../util/stats.ts";

/** Tunables of {@link measureWrites}. */
export interface WritesMeasureOptions {
  /** Articles posted, one after the other. */
  writes: number;
  /** Pause after each answered write: writes come as a stream, not back to back. */
  writePauseMs: number;
  /** The writes stop here even if some are left (the phase is bounded in time as well as in count). */
  maxWriteSeconds: number;
  /** Length of the phase without writes. */
  quietSeconds: number;
  /** At most this many path queries per phase. */
  maxQueries: number;
  /** Targets: /api/paths p99 during the writes, and the event loop's longest block. */
  targetPathsP99Ms: number;
  targetLoopMaxMs: number;
}

export const DEFAULT_WRITES_MEASURE_OPTIONS: WritesMeasureOptions = {
  writes: 10,
  writePauseMs: 500,
  maxWriteSeconds: 180,
  quietSeconds: 20,
  maxQueries: 100_000,
  targetPathsP99Ms: 50,
  targetLoopMaxMs: 100,
};

interface Urls {
  url: string;
  control: string;
}

/** What one phase saw. */
interface Phase {
  paths: number[];
  failedQueries: number;
  loopMaxMs: number;
  loopP99Ms: number;
  writes: number[];
  failedWrites: string[];
  seconds: number;
}

/** Serves `file`'s graph in a child and measures both phases; rows for paths p50/p99, event-loop delay and writes. */
export async function measureWrites(
  tier: string,
  file: string,
  pairs: [string, string][],
  options: Partial<WritesMeasureOptions> = {},
): Promise<Row[]> {
  const opts = { ...DEFAULT_WRITES_MEASURE_OPTIONS, ...options };
  const child = await startServiceChild<Urls>("writes", [file]);
  try {
    const urls = child.ready;
    for (const pair of pairs.slice(0, 50)) await queryPaths(urls.url, pair);
    const quiet = await phase(urls, pairs, opts, null);
    const writing = await phase(urls, pairs, opts, (stopped) => writeStream(urls.url, opts, stopped));
    return rowsOf(tier, quiet, writing, opts);
  } finally {
    await child.stop();
  }
}

/**
 * Queries paths one after another until `writes` ends (or, without writes, for `quietSeconds`), with the child's
 * event-loop histogram running over exactly that span.
 */
async function phase(
  urls: Urls,
  pairs: [string, string][],
  opts: WritesMeasureOptions,
  writes: ((stopped: () => boolean) => Promise<{ ms: number[]; failed: string[] }>) | null,
): Promise<Phase> {
  await getJson(urls.control, "/?action=start");
  const started = performance.now();
  let done = false;
  const stopped = () => done || performance.now() - started > opts.maxWriteSeconds * 1000;
  const writing = writes
    ? writes(stopped).finally(() => (done = true))
    : new Promise<{ ms: number[]; failed: string[] }>((resolve) =>
        setTimeout(() => ((done = true), resolve({ ms: [], failed: [] })), opts.quietSeconds * 1000),
      );
  const paths: number[] = [];
  let failedQueries = 0;
  for (let i = 0; !done && i < opts.maxQueries; i++) {
    const t = performance.now();
    const ok = await queryPaths(urls.url, pairs[i % pairs.length]);
    paths.push(performance.now() - t);
    if (!ok) failedQueries++;
  }
  const { ms, failed } = await writing;
  const seconds = (performance.now() - started) / 1000;
  const loop = (await getJson(urls.control, "/?action=stop")) as { maxMs: number; p99Ms: number };
  return {
    paths,
    failedQueries,
    loopMaxMs: loop.maxMs,
    loopP99Ms: loop.p99Ms,
    writes: ms,
    failedWrites: failed,
    seconds,
  };
}

/** Posts `opts.writes` articles one after the other; each names the previous one's person, so each links to the last. */
async function writeStream(
  base: string,
  opts: WritesMeasureOptions,
  stopped: () => boolean,
): Promise<{ ms: number[]; failed: string[] }> {
  const ms: number[] = [];
  const failed: string[] = [];
  // A fresh series per run, so that no text is refused as a duplicate of an earlier run's.
  const series = Date.now() % 1_000_000;
  for (let i = 1; i <= opts.writes && !stopped(); i++) {
    const n = series * 1000 + i;
    const text = `Bench Writer ${n} met Bench Writer ${i === 1 ? n : n - 1} about Bench Project ${n}.`;
    const t = performance.now();
    const response = await fetch(`${base}/api/documents`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: `Bench write ${n}`, text }),
    });
    const body = await response.text();
    ms.push(performance.now() - t);
    if (response.status !== 201) failed.push(`${response.status} ${body.slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, opts.writePauseMs));
  }
  return { ms, failed };
}

async function queryPaths(base: string, [from, to]: [string, string]): Promise<boolean> {
  const response = await fetch(`${base}/api/paths?from=${from}&to=${to}`);
  await response.arrayBuffer();
  return response.status === 200;
}

async function getJson(base: string, url: string): Promise<unknown> {
  const response = await fetch(`${base}${url}`);
  return response.json();
}

function rowsOf(tier: string, quiet: Phase, writing: Phase, opts: WritesMeasureOptions): Row[] {
  const q = summarize(quiet.paths);
  const w = summarize(writing.paths);
  const writes = summarize(writing.writes);
  const baseline = "the same queries with no writes";
  const failures = writing.failedWrites.length
    ? `; ${writing.failedWrites.length} writes failed, first: ${writing.failedWrites[0]}`
    : "";
  return [
    {
      tier,
      measure: `/api/paths p99 during ${writes.count} writes (POST /api/documents, one at a time)`,
      value: round(w.p99, 1),
      unit: "ms",
      baseline,
      baselineValue: round(q.p99, 1),
      ratio: lowerIsBetter(w.p99, q.p99),
      target: `≤ ${opts.targetPathsP99Ms} ms`,
      met: w.p99 <= opts.targetPathsP99Ms,
      note: `${w.count} sequential queries in ${round(writing.seconds, 1)} s (${writing.failedQueries} failed), p50 ${round(w.p50, 1)} ms (no writes: ${round(q.p50, 1)} ms over ${q.count} queries), max ${round(w.max, 1)} ms (no writes: ${round(q.max, 1)} ms)`,
    },
    {
      tier,
      measure: "event loop's longest block during the writes",
      value: round(writing.loopMaxMs, 1),
      unit: "ms",
      baseline,
      baselineValue: round(quiet.loopMaxMs, 1),
      target: `≤ ${opts.targetLoopMaxMs} ms`,
      met: writing.loopMaxMs <= opts.targetLoopMaxMs,
      note: `monitorEventLoopDelay (5 ms resolution) in the server process; p99 ${round(writing.loopP99Ms, 1)} ms (no writes: ${round(quiet.loopP99Ms, 1)} ms)`,
    },
    {
      tier,
      measure: "write: POST /api/documents → 201, the new graph served",
      value: round(writes.p50, 0),
      unit: "ms",
      note: `p50 of ${writes.count}; max ${round(writes.max, 0)} ms; ${opts.writePauseMs} ms pause between writes${failures}`,
    },
  ];
}
