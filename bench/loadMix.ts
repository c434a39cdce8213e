/**
 * Load-test mix: the request URLs (paths, search, node detail, neighbours, small ego exports), their pre-check on
 * both servers (each must answer 2xx, and a sample must answer the same bytes on both) and one timed autocannon run.
 */
import autocannon from "autocannon";
import { summarize, type LatencySummary } from "./util/stats.ts";

/** How the pool is drawn. */
export interface MixSpec {
  /** Node ids are n0 … n(nodes − 1), as the benchmark generator names them. */
  nodes: number;
  /** Distinct URLs to draw. */
  pool: number;
}

/** Search words: the labels of a sample of nodes, read through the API. */
export async function sampleLabels(url: string, nodes: number, random: () => number): Promise<string[]> {
  const labels: string[] = [];
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${url}/api/graph/nodes/n${Math.floor(random() * nodes)}?limit=1`);
    if (res.ok) labels.push(((await res.json()) as { attributes: { label: string } }).attributes.label);
  }
  return labels;
}

/** The mixed request URLs: paths 25%, search 25%, node detail 25%, neighbours 10%, small exports 15%. */
export function requestPool(spec: MixSpec, labels: string[], withExports: boolean, random: () => number): string[] {
  const node = () => `n${Math.floor(random() * spec.nodes)}`;
  const word = () => {
    const words = labels[Math.floor(random() * labels.length)].split(/\s+/);
    return encodeURIComponent(words[Math.floor(random() * words.length)].slice(0, 1 + Math.floor(random() * 8)));
  };
  const pool: string[] = [];
  for (let i = 0; i < spec.pool; i++) {
    const r = random();
    if (r < 0.25) pool.push(`/api/paths?from=${node()}&to=${node()}`);
    else if (r < 0.5) pool.push(`/api/search?q=${word()}&limit=10`);
    else if (r < 0.75) pool.push(`/api/graph/nodes/${node()}`);
    else if (r < 0.85 || !withExports) pool.push(`/api/nodes/${node()}/neighbors?depth=1&limit=100`);
    else pool.push(`/api/export?format=${["json", "gexf", "graphml"][i % 3]}&node=${node()}&depth=1`);
  }
  return pool;
}

/** What a pooled URL asks for: paths, search, nodes (detail), neighbors or export. */
export function kindOf(url: string): string {
  if (url.includes("/neighbors")) return "neighbors";
  return url.startsWith("/api/graph/nodes/") ? "nodes" : url.split(/[/?]/)[2];
}

/** What the pre-check found. */
export interface Precheck {
  /** `status URL` of the URLs either server did not answer 2xx (bugs; left out of the run). */
  bad: string[];
  /** URLs whose bodies were compared, and those that differed. */
  compared: number;
  differing: string[];
  /** Sequential time per kind on each otherwise idle server. */
  ours: Record<string, string>;
  bare: Record<string, string>;
}

/**
 * Sends every pooled URL once to each server, one at a time; compares the bodies of the first `samplesPerKind` URLs
 * of each kind byte for byte.
 */
export async function precheck(ours: string, bare: string, pool: string[], samplesPerKind = 3): Promise<Precheck> {
  const bad: string[] = [];
  const differing: string[] = [];
  const compareLeft = new Map<string, number>();
  let compared = 0;
  const times = { ours: new Map<string, number[]>(), bare: new Map<string, number[]>() };
  for (const p of pool) {
    const kind = kindOf(p);
    const a = await timedFetch(ours + p, kind, times.ours);
    const b = await timedFetch(bare + p, kind, times.bare);
    if (!a.ok || !b.ok) {
      bad.push(`${a.ok ? b.status : a.status} ${p}`);
      continue;
    }
    const left = compareLeft.get(kind) ?? samplesPerKind;
    if (left === 0) continue;
    compareLeft.set(kind, left - 1);
    compared++;
    if (!a.body.equals(b.body)) differing.push(p);
  }
  return { bad, compared, differing, ours: kindTimes(times.ours), bare: kindTimes(times.bare) };
}

async function timedFetch(url: string, kind: string, times: Map<string, number[]>) {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  times.set(kind, [...(times.get(kind) ?? []), performance.now() - t0]);
  return { ok: res.status >= 200 && res.status < 300, status: res.status, body };
}

function kindTimes(times: Map<string, number[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [kind, ms] of times) {
    const s = summarize(ms);
    out[kind] = `n=${s.count} p50=${s.p50.toFixed(1)}ms max=${s.max.toFixed(1)}ms`;
  }
  return out;
}

/** One timed run against one server. */
export interface MixRun {
  requests: number;
  seconds: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Every response's time, ms (so rounds combine into exact percentiles). */
  latencies: number[];
}

/** Runs the pool in order (from its start, so both servers see the same sequence) for `seconds`. */
export async function runMix(url: string, pool: string[], seconds: number, connections: number): Promise<MixRun> {
  let i = 0;
  const latencies: number[] = [];
  // With a callback autocannon returns its instance, whose "response" events carry each response's time.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 10,
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: pool[i++ % pool.length] }) }],
      },
      (error, value) => (error ? reject(error) : resolve(value)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return {
    requests: result.requests.total,
    seconds: result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    latencies,
  };
}

/** Latency percentiles of a set of runs. */
export function latencyOf(runs: MixRun[]): LatencySummary {
  return summarize(runs.flatMap((run) => run.latencies));
}
