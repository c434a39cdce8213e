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
  const atReady = await groupUsage(server.pid);
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
    const after = await groupUsage(server.pid);
    return [
      {
        tier,
        measure: "npm start: spawn → serving (load included)",
        value: round(server.readyMs / 1000, 1),
        unit: "s",
        target: "≤ 15 s",
        met: server.readyMs <= 15_000,
        note: atReady
          ? `${atReady.cpuSeconds} s of CPU until serving; server RSS ${after?.rssMb ?? "?"} MB after the queries`
          : "",
      },
      {
        tier,
        measure: "GET /api/paths p50 (sequential)",
        value: round(s.p50, 1),
        unit: "ms",
        note: `${s.count} pairs, p99 ${round(s.p99, 1)} ms, ${failures} failed (path and search indexes are built before the server says it serves)`,
      },
    ];
  } finally {
    await server.stop();
  }
}

/** Largest resident set and total CPU seconds of the processes in `pid`'s group, from ps; null when unavailable. */
async function groupUsage(pid: number): Promise<{ rssMb: number; cpuSeconds: number } | null> {
  const { execFileSync } = await import("node:child_process");
  try {
    const out = execFileSync("ps", ["-eo", "pgid=,rss=,times="], { encoding: "utf8" });
    const rows = out
      .split("\n")
      .map((line) => line.trim().split(/\s+/).map(Number))
      .filter(([group]) => group === pid);
    if (rows.length === 0) return null;
    return {
      rssMb: Math.round(Math.max(...rows.map(([, rss]) => rss)) / 1024),
      cpuSeconds: rows.reduce((sum, [, , cpu]) => sum + cpu, 0),
    };
  } catch {
    return null;
  }
}
