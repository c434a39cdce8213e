/**
 * Measures owned by other parts of the project: extraction (bench/extract.ts, `benchExtract()`) and ingest
 * (bench/ingest.ts, `benchIngest()`), run when present.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { round, type Row } from "../report.ts";
import { REPO_ROOT } from "../util/child.ts";

type Loose = Record<string, unknown>;

/** Imports `bench/<name>.ts` and calls `<fn>()`; null when the file or function is absent. */
async function callBench(name: string, fn: string): Promise<Loose | null> {
  const file = path.join(REPO_ROOT, "bench", `${name}.ts`);
  if (!existsSync(file)) return null;
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const run = module[fn];
  return typeof run === "function" ? ((await run()) as Loose) : null;
}

/** Extraction words per second. */
export async function measureExtraction(): Promise<Row[]> {
  const tier = "extract";
  const result = await callBench("extract", "benchExtract").catch((e: Error) => ({ error: e.message }) as Loose);
  if (!result)
    return [{ tier, measure: "extraction", value: null, unit: "", note: "bench/extract.ts not present yet" }];
  if (typeof result.error === "string")
    return [{ tier, measure: "extraction", value: null, unit: "", note: `failed: ${result.error}` }];
  const wps = findNumber(result, ["wordsPerSecond", "wordsPerSec", "wps"]);
  return [
    {
      tier,
      measure: "extraction throughput",
      value: wps === null ? null : round(wps, 0),
      unit: "words/s",
      note: summarizeObject(result),
    },
  ];
}

/** Ingest of one article into a graph-data root. */
export async function measureIngest(): Promise<Row[]> {
  const tier = "ingest";
  const result = await callBench("ingest", "benchIngest").catch((e: Error) => ({ error: e.message }) as Loose);
  if (!result) return [{ tier, measure: "ingest", value: null, unit: "", note: "bench/ingest.ts not present yet" }];
  if (typeof result.error === "string")
    return [{ tier, measure: "ingest", value: null, unit: "", note: `failed: ${result.error}` }];
  const ingest = result.ingestMs as { median?: number; max?: number } | undefined;
  const graph = result.graph as { nodes?: number; edges?: number } | undefined;
  return [
    {
      tier,
      measure: `ingest one ${result.words ?? "?"}-word article (median)`,
      value: typeof ingest?.median === "number" ? round(ingest.median) : null,
      unit: "ms",
      target: "< 1,000 ms (issue 6)",
      ...(typeof result.met === "boolean" ? { met: result.met } : {}),
      note: `graph ${graph?.nodes ?? "?"}/${graph?.edges ?? "?"}; max ${round(Number(ingest?.max))} ms; extractor alone ${round(Number(result.extractMs))} ms`,
    },
  ];
}

function findNumber(object: Loose, keys: string[]): number | null {
  for (const key of keys) if (typeof object[key] === "number") return object[key] as number;
  return null;
}

function summarizeObject(object: Loose): string {
  return Object.entries(object)
    .filter(([, v]) => typeof v === "number" || typeof v === "string" || typeof v === "boolean")
    .map(([k, v]) => `${k} ${typeof v === "number" ? round(v) : v}`)
    .join(", ")
    .slice(0, 200);
}
