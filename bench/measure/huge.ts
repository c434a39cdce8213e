/**
 * Huge-tier measure: `npm start` (its own Node settings) loads and serves the 1M/5M graph; load time and path
 * queries over HTTP, next to the floor that graphology's own inserts set.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { round, type Row } from "../report.ts";
import { REPO_ROOT, runChild } from "../util/child.ts";
import { summarize } from "../util/stats.ts";
import { groupUsage } from "../util/processUsage.ts";
import { startKgServer } from "./browser.ts";
import { SnapshotLog } from "./snapshotFirstStart.ts";

/**
 * Starts `npm start -- --graph file`, times it until it serves, runs up to 100 path queries, stops it (once the
 * snapshot a first start writes in the background is written, for the next run to start on).
 */
export async function measureServeHuge(tier: string, file: string, pairs: [string, string][]): Promise<Row[]> {
  const log = new SnapshotLog();
  const server = await startKgServer(file, "npm", 1_800_000, [], { env: { LOG_LEVEL: "info" }, onLog: log.onLog });
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
        note: `${s.count} pairs, p99 ${round(s.p99, 1)} ms, ${failures} failed (answered from the snapshot when a valid one is there, the graph built after serving; else the indexes are built before)`,
      },
    ];
  } finally {
    await log.settled();
    await server.stop();
  }
}

/** `npm start`'s own Node flags, read from package.json, so the floor runs under the same settings. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((word) => /^--[a-z-]+=\S+$/.test(word));
}

/**
 * The floor under the load time: graphology inserting the file's keyed nodes and edges (same keys, same ends, same
 * order) with no attributes and nothing to parse, under `npm start`'s Node flags. Any load of this file into a
 * graphology graph costs at least this much.
 */
export async function measureInsertFloor(tier: string, file: string): Promise<Row[]> {
  const flags = [...startFlags(), "--expose-gc", "--import", "tsx"];
  const floor = await runChild<{ totalMs: number; cpuMs: number; nodesMs: number }>("insertFloor", [file], {
    nodeFlags: flags,
    timeoutMs: 900_000,
  });
  return [
    {
      tier,
      measure: "floor: graphology inserts the same keyed nodes and edges alone (no attributes, no parsing)",
      value: round(floor.totalMs / 1000, 1),
      unit: "s",
      note: `${round(floor.cpuMs / 1000, 1)} s of CPU (nodes ${round(floor.nodesMs / 1000, 1)} s); node flags ${flags
        .filter((f) => f.startsWith("--max"))
        .join(" ")}`,
    },
  ];
}
