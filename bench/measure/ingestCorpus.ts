/**
 * Ingest of a corpus beside a live server: generates 1,000 invented news articles as JSON Lines, runs
 * `kg ingest FILE --json` into a temporary graph-data/ that `kg serve` serves, and times the run and the server's
 * /api/paths answers meanwhile.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_DATA_ROOT } from "../../src/store/dataFiles.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { generateNewsCorpus, writeNewsCorpus, type NewsCorpusOptions } from "../corpus/newsCorpus.ts";
import { round, type Row } from "../report.ts";
import { REPO_ROOT, waitForLine } from "../util/child.ts";
import { summarize } from "../util/stats.ts";

/** Tunables of {@link measureIngestCorpus}. */
export interface IngestCorpusOptions {
  corpus: Partial<NewsCorpusOptions>;
  /** Pause between two path queries: the loop is a steady reader, not a load test. */
  queryPauseMs: number;
  /** At most this many path queries, however long the ingest takes. */
  maxQueries: number;
  /** Targets: the whole ingest, and the p99 of /api/paths during it. */
  targetIngestSeconds: number;
  targetPathsP99Ms: number;
}

export const DEFAULT_INGEST_CORPUS_OPTIONS: IngestCorpusOptions = {
  corpus: {},
  queryPauseMs: 20,
  maxQueries: 20_000,
  targetIngestSeconds: 60,
  targetPathsP99Ms: 50,
};

const KG = path.join(REPO_ROOT, "bin", "kg.js");
/** Names of the seed graph: present from the start, so every query has something to walk. */
const SEED_NAMES = ["Blinken", "Podolyak", "Russia", "Ukraine", "NATO", "Turkey"];
const SERVE_TIMEOUT_MS = 300_000;

/** Runs the ingest beside the server and returns the rows (ingest time, paths latency). */
export async function measureIngestCorpus(options: Partial<IngestCorpusOptions> = {}): Promise<Row[]> {
  const opts = { ...DEFAULT_INGEST_CORPUS_OPTIONS, ...options };
  const tmp = mkdtempSync(path.join(os.tmpdir(), "kg-bench-corpus-"));
  const root = path.join(tmp, "graph-data");
  cpSync(DEFAULT_DATA_ROOT, root, { recursive: true, filter: (src) => !src.includes(`${path.sep}build`) });
  const documents = generateNewsCorpus(opts.corpus);
  const file = path.join(tmp, "corpus.jsonl");
  writeNewsCorpus(file, documents);
  const words = documents.reduce((n, d) => n + d.text.split(/\s+/).filter(Boolean).length, 0);
  const env = { ...process.env, LOG_LEVEL: "silent" };
  const server = spawn(process.execPath, [KG, "serve", "--port", "0", "--host", "127.0.0.1", "--data", root], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const serving = await waitForLine(server, SERVE_TIMEOUT_MS, (line) => /^serving .* at (http\S+)$/.exec(line)?.[1]);
  try {
    const url = serving.ready;
    const names = [
      ...SEED_NAMES,
      ...documents.slice(0, 50).flatMap((d) => d.text.match(/\b[A-Z][a-z]+ [A-Z][a-z]+\b/g) ?? []),
    ];
    await queryPaths(url, "Blinken", "Podolyak");
    const started = performance.now();
    const ingest = spawn(process.execPath, [KG, "ingest", file, "--json", "--data", root], {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    ingest.stdout.on("data", (d) => (out += d));
    ingest.stderr.on("data", (d) => (err = (err + d).slice(-4000)));
    let running = true;
    const exited = new Promise<number | null>((resolve) =>
      ingest.once("exit", (code) => {
        running = false;
        resolve(code);
      }),
    );
    const loop = queryLoop(url, names, opts, () => running);
    const code = await exited;
    const ingestSeconds = (performance.now() - started) / 1000;
    const queries = await loop;
    if (code !== 0) throw new Error(`kg ingest exited with ${code}: ${err.slice(-1500)}`);
    const outcomes = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { status: string });
    const added = outcomes.filter((o) => o.status === "added").length;
    const latency = summarize(queries.ms);
    const tier = "ingest-corpus";
    const docs = `${added} of ${documents.length} documents added, ${words} words`;
    return [
      {
        tier,
        measure: `kg ingest of ${documents.length} ~${Math.round(words / documents.length)}-word documents, beside kg serve`,
        value: round(ingestSeconds, 1),
        unit: "s",
        target: `≤ ${opts.targetIngestSeconds} s`,
        met: ingestSeconds <= opts.targetIngestSeconds,
        note: `${docs}; ${round(documents.length / ingestSeconds, 1)} documents/s, ${Math.round(words / ingestSeconds)} words/s`,
      },
      {
        tier,
        measure: "/api/paths p99 during the ingest",
        value: round(latency.p99, 1),
        unit: "ms",
        target: `≤ ${opts.targetPathsP99Ms} ms`,
        met: latency.p99 <= opts.targetPathsP99Ms,
        note: `${latency.count} sequential queries (${queries.found} with a path, ${queries.failed} failed), p50 ${round(latency.p50, 1)} ms, max ${round(latency.max, 1)} ms`,
      },
    ];
  } finally {
    await serving.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Asks `/api/paths` between seeded random pairs of `names`, one query at a time, while `running()`. */
async function queryLoop(url: string, names: string[], opts: IngestCorpusOptions, running: () => boolean) {
  const random = mulberry32(5);
  const ms: number[] = [];
  let found = 0;
  let failed = 0;
  while (running() && ms.length < opts.maxQueries) {
    const from = names[Math.floor(random() * names.length)];
    const to = names[Math.floor(random() * names.length)];
    const started = performance.now();
    try {
      if ((await queryPaths(url, from, to)) > 0) found++;
      ms.push(performance.now() - started);
    } catch {
      // A connection reset (the server closing an idle keep-alive socket as the request goes out) is counted apart.
      failed++;
    }
    await new Promise((resolve) => setTimeout(resolve, opts.queryPauseMs));
  }
  return { ms, found, failed };
}

/** The number of paths the server answers between two names (0 for an unknown name or no connection). */
async function queryPaths(url: string, from: string, to: string): Promise<number> {
  const response = await fetch(`${url}/api/paths?${new URLSearchParams({ from, to })}`);
  const body = (await response.json()) as { paths?: unknown[] };
  if (response.status >= 500) throw new Error(`/api/paths answered ${response.status}`);
  return body.paths?.length ?? 0;
}
