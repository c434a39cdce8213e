/**
 * Start stall: the longest `/api/health` answer while `kg serve --graph FILE --read-only` starts on the file's
 * snapshot and builds its graph and query indexes behind it. Polls one request at a time every 5 ms from "serving" until
 * 2 s after the "query indexes built" line. Run alone: `node --import tsx bench/startStall.ts [--nodes 100000]`; the
 * first run generates the graph (bench/out/graphs/) and writes its snapshot with a writable start.
 */
import { parseArgs } from "node:util";
import { ensureGraphFile } from "./graphs/cache.ts";
import { startKgServe } from "./measure/browser.ts";

/** Bounds of one start: whichever comes first. */
const MAX_POLL_MS = 120_000;
const POLL_GAP_MS = 5;
const AFTER_INDEXES_MS = 2000;
const START_TIMEOUT_MS = 600_000;

/** What one start showed. */
export interface StartStall {
  polls: number;
  /** The longest answer over the whole start. */
  longestMs: number;
  /** The longest answer from the "graph built from the snapshot" line on. */
  longestAfterBuildMs: number;
  /** The warm-up's log line: its overview time and slices. */
  overviewMs: number | null;
  slices: number | null;
}

/** One start of `file` (whose snapshot must exist), polled as the banner says. */
async function measureStart(file: string): Promise<StartStall> {
  let log = "";
  const server = await startKgServe(["--graph", file, "--read-only"], "node", START_TIMEOUT_MS, {
    env: { LOG_LEVEL: "info" },
    onLog: (text: string) => (log += text),
  });
  const answers: { at: number; ms: number }[] = [];
  let builtAt = Infinity;
  let indexedAt = Infinity;
  const t0 = performance.now();
  try {
    while (performance.now() - t0 < MAX_POLL_MS && performance.now() - indexedAt < AFTER_INDEXES_MS) {
      const at = performance.now();
      await fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer());
      answers.push({ at, ms: performance.now() - at });
      if (builtAt === Infinity && log.includes('"msg":"graph built from the snapshot"')) builtAt = at;
      if (indexedAt === Infinity && log.includes('"msg":"query indexes built"')) indexedAt = performance.now();
      await new Promise((resolve) => setTimeout(resolve, POLL_GAP_MS));
    }
  } finally {
    await server.stop();
  }
  const line = log.split("\n").find((l) => l.includes('"msg":"query indexes built"'));
  const warm = line ? (JSON.parse(line) as { overviewMs: number; slices: number }) : null;
  const longest = (list: typeof answers) => Math.round(Math.max(0, ...list.map((a) => a.ms)));
  return {
    polls: answers.length,
    longestMs: longest(answers),
    longestAfterBuildMs: longest(answers.filter((a) => a.at >= builtAt)),
    overviewMs: warm?.overviewMs ?? null,
    slices: warm?.slices ?? null,
  };
}

/** Writes the file's snapshot with a writable start, waiting for its "snapshot written" line. */
async function writeSnapshotOf(file: string): Promise<void> {
  let log = "";
  const server = await startKgServe(["--graph", file], "node", START_TIMEOUT_MS, {
    env: { LOG_LEVEL: "info" },
    onLog: (text: string) => (log += text),
  });
  const t0 = performance.now();
  try {
    while (!log.includes('"msg":"snapshot written"') && performance.now() - t0 < START_TIMEOUT_MS)
      await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    await server.stop();
  }
}

const { values } = parseArgs({ options: { nodes: { type: "string", default: "100000" } } });
const nodes = Number(values.nodes);
if (!Number.isInteger(nodes) || nodes < 1000) throw new Error("bench: --nodes takes a whole number of at least 1000");
const { file, generated } = ensureGraphFile({ nodes, edges: nodes * 5, seed: 7 });
if (generated || process.env.KG_BENCH_WRITE_SNAPSHOT) await writeSnapshotOf(file);
process.stdout.write(JSON.stringify({ file, ...(await measureStart(file)) }) + "\n");
