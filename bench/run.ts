/**
 * The benchmark suite (`npm run bench [-- --huge] [--tiers small,medium] [--skip browser,python,...] [--only G,...]`):
 * generates seeded graphs, measures every figure against its baseline side by side, prints a table and writes
 * bench/out/results.json. Never part of `npm test`. With --huge, `--only` other than `load` leaves out the huge
 * graph's start and insert floor; `replica` and `firststart-bare` also run on the huge graph.
 */
import { mkdirSync } from "node:fs";
import { loadavg, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { readGraphJson } from "../src/graphfile/graphFile.ts";
import { BENCH_OUT, ensureGraphFile } from "./graphs/cache.ts";
import type { GraphSpec } from "./graphs/generate.ts";
import { measureBrowser } from "./measure/browser.ts";
import { measureBurst } from "./measure/burst.ts";
import { measureFullDrawLimit, measureOverviewPage } from "./measure/overviewPage.ts";
import { measureExports } from "./measure/exports.ts";
import { measureExtraction, measureIngest } from "./measure/external.ts";
import { measureFirstStartBare } from "./measure/firstStartBare.ts";
import { measureHttp } from "./measure/http.ts";
import { measureIngestCorpus } from "./measure/ingestCorpus.ts";
import { measureInsertFloor, measureServeHuge } from "./measure/huge.ts";
import { measureForceAtlas2 } from "./measure/layout.ts";
import { measureLoad } from "./measure/load.ts";
import { measureHeavyPaths, measureShortest } from "./measure/paths.ts";
import { measureRelationFilter } from "./measure/relationFilter.ts";
import { measurePeers } from "./measure/python.ts";
import { measureSearch } from "./measure/search.ts";
import { measureSnapshot } from "./measure/snapshot.ts";
import { measureSnapshotStart } from "./measure/snapshotStart.ts";
import { firstStartSnapshot, measureReplica, writeReplicaSource } from "./measure/replica.ts";
import { measureWrites } from "./measure/writes.ts";
import { fixedPairs } from "./pairs.ts";
import { formatTable, machineInfo, round, writeResults, type BenchResults, type Row } from "./report.ts";

/** The graph sizes; `huge` only with --huge. */
export const TIERS: Record<string, GraphSpec> = {
  small: { nodes: 10_000, edges: 50_000, seed: 7 },
  medium: { nodes: 100_000, edges: 500_000, seed: 7 },
  huge: { nodes: 1_000_000, edges: 5_000_000, seed: 7 },
};

/** Groups measured on every tier's generated graph: with none of them wanted, no graph is generated. */
const TIER_GROUPS = [
  "load",
  "paths",
  "window",
  "search",
  "snapshot",
  "firststart-bare",
  "replica",
  "python",
  "http",
  "burst",
  "writes",
  "exports",
  "layout",
  "browser",
] as const;
/** Measure groups that --skip and --only accept. */
const GROUPS = [...TIER_GROUPS, "extract", "ingest", "ingest-corpus"] as const;
type Group = (typeof GROUPS)[number];

const PAIRS = 1000;
const REPLICA_DIR = path.join(BENCH_OUT, "replica");
/**
 * One round at 1M/5M: each replica builds a multi-gigabyte graph for minutes, and the swap's rebuild, which alternates
 * its slices with back-to-back searches, takes several times as long.
 */
const HUGE_REPLICA_OPTIONS = { runs: 1, buildTimeoutMs: 1_800_000 };
/** The graph both GEXF writers export for the equivalence and schema checks. */
const CHECK_GRAPH: GraphSpec = { nodes: 2000, edges: 10_000, seed: 7 };

const { values } = parseArgs({
  options: {
    huge: { type: "boolean", default: false },
    tiers: { type: "string", default: "small,medium" },
    skip: { type: "string", default: "" },
    only: { type: "string", default: "" },
  },
});
const tiers = values.tiers.split(",").filter(Boolean);
for (const t of tiers)
  if (!(t in TIERS) || t === "huge") throw new Error(`bench: unknown tier "${t}"; use small, medium (and --huge)`);
const skip = new Set(values.skip.split(",").filter(Boolean));
for (const s of skip)
  if (!GROUPS.includes(s as Group)) throw new Error(`bench: --skip ${s}? use any of ${GROUPS.join(", ")}`);
const only = new Set(values.only.split(",").filter(Boolean));
for (const s of only)
  if (!GROUPS.includes(s as Group)) throw new Error(`bench: --only ${s}? use any of ${GROUPS.join(", ")}`);
const wants = (g: Group) => !skip.has(g) && (only.size === 0 || only.has(g));

const rows: Row[] = [];
const started = new Date();
const loadAtStart = loadavg()[0];
const t0 = performance.now();
mkdirSync(BENCH_OUT, { recursive: true });

/** Runs one measure; a failure becomes a row saying so and the suite goes on. */
async function step(tier: string, name: string, fn: () => Row[] | Promise<Row[]>): Promise<void> {
  const t = performance.now();
  process.stderr.write(`[bench] ${tier}: ${name}…`);
  try {
    const produced = await fn();
    rows.push(...produced);
    process.stderr.write(` ${round((performance.now() - t) / 1000, 1)} s\n`);
  } catch (error) {
    // fetch's "fetch failed" says why only in its cause (e.g. ECONNRESET, "other side closed").
    const { message, cause } = error as Error;
    const why = cause instanceof Error ? `${message}: ${cause.message}` : message;
    process.stderr.write(` failed: ${why}\n`);
    rows.push({ tier, measure: name, value: null, unit: "", note: `failed: ${why.slice(0, 300)}` });
  }
}

for (const tier of TIER_GROUPS.some(wants) ? tiers : []) {
  const spec = TIERS[tier];
  const label = `${tier} ${spec.nodes / 1000}k/${spec.edges / 1000}k`;
  const { file, generated, ms } = ensureGraphFile(spec);
  process.stderr.write(`[bench] ${label}: ${generated ? `generated in ${round(ms / 1000, 1)} s` : "cached"} ${file}\n`);
  const pairs = fixedPairs(spec.nodes, PAIRS);
  let loadMs = NaN;
  if (wants("load")) {
    await step(label, "load", async () => {
      const { rows: r, figures } = await measureLoad(label, file);
      loadMs = figures.loadMs;
      return r;
    });
  }
  const graph = readGraphJson(file);
  let ours = { p50: NaN, p99: NaN, loadMs, lengths: [] as (number | null)[] };
  if (wants("paths")) {
    await step(label, "shortest paths vs graphology", () => {
      const c = measureShortest(label, graph, pairs);
      const p = (m: string) => c.rows.find((r) => r.measure.startsWith(m))?.value ?? NaN;
      ours = {
        ...ours,
        p50: p("shortest path p50, wall"),
        p99: p("shortest path p99, wall"),
        lengths: c.lengths,
      };
      return c.rows;
    });
    await step(label, "k=5 and mode=all", () => measureHeavyPaths(label, graph, pairs));
  }
  if (wants("window")) await step(label, "time window", () => measureRelationFilter(label, graph, pairs));
  if (wants("search")) await step(label, "search", () => measureSearch(label, graph));
  if (wants("snapshot")) {
    await step(label, "snapshot vs index build", () => measureSnapshot(label, graph, path.join(BENCH_OUT, "snapshot")));
    await step(label, "npm start on the snapshot vs --eager-graph", () => measureSnapshotStart(label, file, pairs[0]));
  }
  if (wants("firststart-bare")) {
    await step(label, "first start: bare file beside the full one", () =>
      measureFirstStartBare(label, { full: file, bare: ensureGraphFile(spec, undefined, "bare").file }, pairs[0]),
    );
  }
  if (wants("replica")) {
    await step(label, "read replicas on one snapshot, and a swap", () =>
      measureReplica(label, writeReplicaSource(graph, REPLICA_DIR), REPLICA_DIR),
    );
  }
  if (wants("python")) await step(label, "networkx / igraph", () => measurePeers(label, file, pairs, ours, BENCH_OUT));
  if (wants("http")) {
    await step(label, "HTTP /api/paths vs node:http", () =>
      measureHttp(label, file, pairs, { duringExport: spec.nodes >= 100_000 }),
    );
  }
  // The small tier's answers already reach the size cap; a burst on the larger graph measures the same thing slower.
  if (wants("burst") && spec.nodes === 10_000)
    await step(label, "query burst (path workers off / on)", () => measureBurst(label, file, pairs));
  if (wants("writes")) {
    await step(label, "/api/paths during a stream of writes", () => measureWrites(label, file, pairs));
  }
  if (wants("exports")) {
    await step(label, "exports (GEXF, JSON, Neo4j, Turtle, JSON-LD)", () =>
      measureExports(
        label,
        file,
        path.join(BENCH_OUT, "exports"),
        spec.nodes <= 10_000 ? ensureGraphFile(CHECK_GRAPH).file : null,
      ),
    );
  }
  if (wants("layout")) await step(label, "ForceAtlas2", () => measureForceAtlas2(label, graph));
  if (wants("browser") && spec.nodes === 10_000) await step(label, "browser", () => measureBrowser(label, file));
  if (wants("browser") && spec.nodes === 100_000) {
    await step(label, "browser: overview of a large graph", () => measureOverviewPage(label, file));
  }
}

if (wants("browser")) await step("page", "browser: largest graph drawn in full within 3 s", measureFullDrawLimit);

if (wants("extract")) await step("extract", "extraction (bench/extract.ts)", measureExtraction);
if (wants("ingest")) await step("ingest", "ingest (bench/ingest.ts)", measureIngest);
if (wants("ingest-corpus")) await step("ingest-corpus", "kg ingest of a corpus beside kg serve", measureIngestCorpus);

if (values.huge) {
  const spec = TIERS.huge;
  const label = "huge 1M/5M";
  const { file, generated, ms } = ensureGraphFile(spec);
  process.stderr.write(`[bench] ${label}: ${generated ? `generated in ${round(ms / 1000, 1)} s` : "cached"} ${file}\n`);
  // One 1M-node server at a time: each measure stops its servers before the next starts.
  if (only.size === 0 || only.has("load")) {
    await step(label, "npm start on the huge graph", () => measureServeHuge(label, file, fixedPairs(spec.nodes, 100)));
    await step(label, "graphology insert floor", () => measureInsertFloor(label, file));
  }
  if (wants("replica")) {
    // The replicas serve the snapshot a first start writes beside the file: the graph is not read into this process.
    await step(label, "read replicas on one snapshot, and a swap", async () => {
      const source = await firstStartSnapshot(label, file, fixedPairs(spec.nodes, 1)[0]);
      return [...source.rows, ...(await measureReplica(label, source.snapshot, REPLICA_DIR, HUGE_REPLICA_OPTIONS))];
    });
  }
  if (wants("firststart-bare")) {
    const bare = ensureGraphFile(spec, undefined, "bare").file;
    await step(label, "first start: bare file beside the full one", () =>
      measureFirstStartBare(label, { full: file, bare }, fixedPairs(spec.nodes, 1)[0], { runs: 1 }),
    );
  }
}

const results: BenchResults = {
  startedAt: started.toISOString(),
  seconds: round((performance.now() - t0) / 1000, 1),
  machine: machineInfo(totalmem()),
  loadAverage: { start: round(loadAtStart, 1), end: round(loadavg()[0], 1) },
  rows,
};
const out = writeResults(results, BENCH_OUT);
const m = results.machine;
console.log(`\n${formatTable(rows)}\n`);
console.log(`Machine: ${m.cpus} × ${m.cpuModel}, ${m.totalMemGB} GB, Node ${m.node}, ${m.platform}`);
console.log(`Load average (1 min) at start ${results.loadAverage.start}, at end ${results.loadAverage.end}`);
console.log(`Suite time: ${results.seconds} s. Results: ${out}`);
