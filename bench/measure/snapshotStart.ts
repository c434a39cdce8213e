/**
 * Snapshot start measure: `npm start` on a graph file, spawn → serving and resident memory, starting on the snapshot
 * (the graphology graph built after listening) against building the graph first (`--eager-graph`, the start before);
 * first, the first start of the file, which writes the snapshot after listening (./snapshotFirstStart.ts).
 */
import { round, lowerIsBetter, type Row } from "../report.ts";
import { groupUsage } from "../util/processUsage.ts";
import { quantile } from "../util/stats.ts";
import { startKgServer } from "./browser.ts";
import { measureFirstStart } from "./snapshotFirstStart.ts";

const RUNS = 5;
const START_TIMEOUT_MS = 1_800_000;
const HEALTH_POLL_MS = 100;

interface StartFigures {
  /** Spawn → the "serving" line. */
  servingMs: number;
  /** Resident memory of the process group when it said it serves. */
  rssMb: number;
  /** Spawn → the first /api/paths answer (asked right after "serving"). */
  firstPathMs: number;
  /** Spawn → /api/health says the graph is built (polled), and the resident memory then. */
  graphMs: number;
  graphRssMb: number;
}

/** One start of `npm start -- --graph file` with `flags`, timed until it serves and until its graph is built. */
async function oneStart(file: string, flags: string[], pair: [string, string]): Promise<StartFigures> {
  const server = await startKgServer(file, "npm", START_TIMEOUT_MS, flags);
  try {
    const spawnedAt = performance.now() - server.readyMs;
    const rssMb = (await groupUsage(server.pid))?.rssMb ?? NaN;
    const res = await fetch(`${server.url}/api/paths?from=${pair[0]}&to=${pair[1]}`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`bench: /api/paths answered ${res.status} right after the start`);
    const firstPathMs = performance.now() - spawnedAt;
    while (((await (await fetch(`${server.url}/api/health`)).json()) as { graph: string }).graph !== "ready") {
      await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
    }
    const graphMs = performance.now() - spawnedAt;
    const graphRssMb = (await groupUsage(server.pid))?.rssMb ?? NaN;
    return { servingMs: server.readyMs, rssMb, firstPathMs, graphMs, graphRssMb };
  } finally {
    await server.stop();
  }
}

/**
 * Starts `npm start` on `file` RUNS times each way, the first side alternating, after the first starts that write the
 * snapshot (into `.kg-cache/` beside the file); medians.
 */
export async function measureSnapshotStart(tier: string, file: string, pair: [string, string]): Promise<Row[]> {
  const first = await measureFirstStart(tier, file, pair);
  const sides = { snapshot: [] as StartFigures[], eager: [] as StartFigures[] };
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? (["snapshot", "eager"] as const) : (["eager", "snapshot"] as const);
    for (const side of order) sides[side].push(await oneStart(file, side === "eager" ? ["--eager-graph"] : [], pair));
  }
  const m = (side: StartFigures[], key: keyof StartFigures) =>
    quantile(
      side.map((f) => f[key]),
      0.5,
    );
  const note = `npm start --graph, medians of ${RUNS} starts each way, alternating; page cache warm`;
  /** A row comparing the two sides' medians of `key`, in seconds (from milliseconds) or megabytes. */
  const row = (measure: string, key: keyof StartFigures, baseline: string, extra = ""): Row => {
    const [ours, theirs] = [m(sides.snapshot, key), m(sides.eager, key)];
    const seconds = key.endsWith("Ms");
    const value = (x: number) => (seconds ? round(x / 1000, 2) : round(x));
    const unit = seconds ? "s" : "MB";
    return {
      tier,
      measure,
      value: value(ours),
      unit,
      baseline,
      baselineValue: value(theirs),
      ratio: lowerIsBetter(ours, theirs),
      note: note + extra,
    };
  };
  const seconds = (key: keyof StartFigures) =>
    `${round(m(sides.snapshot, key) / 1000, 2)} s (eager ${round(m(sides.eager, key) / 1000, 2)} s)`;
  return [
    ...first,
    row(
      "npm start: spawn → serving, on the snapshot (graph built after listening)",
      "servingMs",
      "--eager-graph: graph built before listening",
      `; first /api/paths answered ${seconds("firstPathMs")} after spawn`,
    ),
    row("npm start: RSS when serving, on the snapshot", "rssMb", "--eager-graph"),
    row(
      "npm start: spawn → graphology graph built (health says ready), on the snapshot",
      "graphMs",
      "--eager-graph (built before serving)",
      `; RSS then ${round(m(sides.snapshot, "graphRssMb"))} MB (eager ${round(m(sides.eager, "graphRssMb"))} MB)`,
    ),
  ];
}
