/**
 * Huge-tier measure: `npm start` (its own Node settings) loads and serves the 1M/5M graph; load time and path
 * queries over HTTP.
 */
import { round, type Row } from "../report.ts";
import { summarize } from "../util/stats.ts";
import { startKgServer } from "./browser.ts";

/** Starts `npm start -- --graph file`, times it until it serves, runs up to 100 path queries, stops it. */
export async function measureServeHuge(tier: string, file: string, pairs: [string, string][]): Promise<Row[]> {
  const server = await startKgServer(file, "npm", 1_800_000);
  try {
    const times: number[] = [];
    let failures = 0;
    const deadline = performance.now() + 60_000;
    for (const [from, to] of pairs.slice(0, 100)) {
      if (performance.now() > deadline) break;
      const t = performance.now();
      const res = await fetch(`${server.url}/api/paths?from=${from}&to=${to}`);
      await res.arrayBuffer();
      times.push(performance.now() - t);
      if (!res.ok) failures++;
    }
    const s = summarize(times);
    const rss = await processRssMb(server.pid);
    return [
      {
        tier,
        measure: "npm start: spawn → serving (load included)",
        value: round(server.readyMs / 1000, 1),
        unit: "s",
        target: "≤ 15 s",
        met: server.readyMs <= 15_000,
        note: rss ? `server RSS ${rss} MB after the queries` : "",
      },
      {
        tier,
        measure: "GET /api/paths p50 (sequential)",
        value: round(s.p50, 1),
        unit: "ms",
        note: `${s.count} pairs, p99 ${round(s.p99, 1)} ms, ${failures} failed (first query builds the path index)`,
      },
    ];
  } finally {
    await server.stop();
  }
}

/** Resident memory of the node process under `pid`'s group, from ps; null when unavailable. */
async function processRssMb(pid: number): Promise<number | null> {
  const { execFileSync } = await import("node:child_process");
  try {
    const out = execFileSync("ps", ["-eo", "pgid=,rss="], { encoding: "utf8" });
    const kb = out
      .split("\n")
      .map((line) => line.trim().split(/\s+/).map(Number))
      .filter(([group]) => group === pid)
      .map(([, rss]) => rss);
    return kb.length ? Math.round(Math.max(...kb) / 1024) : null;
  } catch {
    return null;
  }
}
