/**
 * Export measures: GEXF (ours vs graphology-gexf's writer), JSON, Neo4j-bundle, Turtle and JSON-LD export time and
 * peak extra memory; on the small tier also that both GEXF files parse to the same graph and that ours is valid
 * against the GEXF schema.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-gexf";
import type { Attributes } from "graphology-types";
import { lowerIsBetter, round, type Row } from "../report.ts";
import { REPO_ROOT, runChild } from "../util/child.ts";
import { mb } from "../util/memory.ts";

/** Where the GEXF conformance kit lives on this machine. */
export const GEXF_VALIDATOR = path.resolve(REPO_ROOT, "../shared/gexf/validate.sh");

interface Probe {
  ms: number;
  /** Growth of the peak resident set over the resident set before the export. */
  peakExtraBytes: number | null;
  /** Ours: peak heap above the start, sampled at every chunk; graphology-gexf: heap held when it returns. */
  heapBytes: number;
  /** Ours (not JSON): peak live heap above the start, read after a GC every ~25 MB of output. */
  liveBytes?: number;
  bytes?: number;
}

/**
 * Runs the exports' child on `file`. With `checkFile`, also exports that (smaller) graph with both writers to
 * `outDir`, compares the parsed results and validates ours against the schema (graphology-gexf's DOM parser needs
 * minutes on the big tiers, and equivalence does not depend on size).
 */
export async function measureExports(
  tier: string,
  file: string,
  outDir: string,
  checkFile: string | null,
): Promise<Row[]> {
  const r = await runChild<{ gexfOurs: Probe; gexfGraphology: Probe; json: Probe } & Record<Streamed, Probe>>(
    "exports",
    [file],
    { timeoutMs: 1_200_000 },
  );
  const peak = (p: Probe) => (p.peakExtraBytes === null ? null : mb(p.peakExtraBytes));
  const rows: Row[] = [
    {
      tier,
      measure: "GEXF export time",
      value: round(r.gexfOurs.ms),
      unit: "ms",
      baseline: "graphology-gexf write",
      baselineValue: round(r.gexfGraphology.ms),
      ratio: lowerIsBetter(r.gexfOurs.ms, r.gexfGraphology.ms),
      target: "no slower than graphology-gexf",
      met: r.gexfOurs.ms <= r.gexfGraphology.ms,
      note: `${mb(r.gexfOurs.bytes ?? 0)} MB of GEXF`,
    },
    {
      tier,
      measure: "GEXF export peak extra live heap",
      value: mb(r.gexfOurs.liveBytes ?? NaN),
      unit: "MB",
      baseline: "graphology-gexf write (held at return, a lower bound)",
      baselineValue: mb(r.gexfGraphology.heapBytes),
      ratio: lowerIsBetter(mb(r.gexfOurs.liveBytes ?? NaN), mb(r.gexfGraphology.heapBytes)),
      target: "≤ 150 MB",
      met: mb(r.gexfOurs.liveBytes ?? Infinity) <= 150,
      note:
        `GC every ~25 MB of output; without GC the heap peaks at ${mb(r.gexfOurs.heapBytes)} MB (uncollected garbage); ` +
        `peak RSS growth ${peak(r.gexfOurs)} MB (graphology-gexf ${peak(r.gexfGraphology)} MB)`,
    },
    {
      tier,
      measure: "JSON export time / peak extra memory",
      value: round(r.json.ms),
      unit: "ms",
      note: `peak heap growth ${mb(r.json.heapBytes)} MB (sampled per chunk, garbage included), ${mb(r.json.bytes ?? 0)} MB of JSON`,
    },
    ...STREAMED.flatMap(([format, name]) => streamedRows(tier, name, r[format])),
  ];
  if (checkFile) {
    mkdirSync(outDir, { recursive: true });
    await runChild("exports", [checkFile, outDir]);
    rows.push(...checkGexf(tier, outDir, path.basename(checkFile)));
  }
  return rows;
}

/** The formats measured like GEXF but with no baseline writer, and their names in the table. */
const STREAMED = [
  ["neo4j", "Neo4j bundle (zip)"],
  ["turtle", "Turtle"],
  ["jsonld", "JSON-LD"],
] as const;
type Streamed = (typeof STREAMED)[number][0];

/** Time and peak extra live heap of one streamed format (drained from answerExport, as GET /api/export streams it). */
function streamedRows(tier: string, name: string, p: Probe): Row[] {
  const live = mb(p.liveBytes ?? NaN);
  return [
    {
      tier,
      measure: `${name} export time`,
      value: round(p.ms),
      unit: "ms",
      note: `${mb(p.bytes ?? 0)} MB of output`,
    },
    {
      tier,
      measure: `${name} export peak extra live heap`,
      value: live,
      unit: "MB",
      target: "≤ 150 MB",
      met: live <= 150,
      note:
        `GC every ~25 MB of output; without GC the heap peaks at ${mb(p.heapBytes)} MB (uncollected garbage); ` +
        `peak RSS growth ${p.peakExtraBytes === null ? null : mb(p.peakExtraBytes)} MB`,
    },
  ];
}

/** Same parsed graph from both writers, and schema validity of ours. */
function checkGexf(tier: string, outDir: string, checked: string): Row[] {
  const read = (name: string) => parse(MultiDirectedGraph, readFileSync(path.join(outDir, name), "utf8")).export();
  const ours = read("ours.gexf");
  const theirs = read("graphology.gexf");
  // graphology-gexf writes list items unquoted, so its parser splits an item at each comma (ours keeps it whole),
  // and it drops empty lists (ours writes them, so `aliases: []` survives): compare modulo both.
  const normalize = <T extends { attributes?: Attributes }>(records: T[]) =>
    records.map((r) => ({
      ...r,
      attributes: Object.fromEntries(
        Object.entries(r.attributes ?? {})
          .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
          .map(([k, v]) => [k, Array.isArray(v) ? v.flatMap((i) => String(i).split(/,\s*/)) : v]),
      ),
    }));
  const same =
    isDeepStrictEqual(normalize(ours.nodes), normalize(theirs.nodes)) &&
    isDeepStrictEqual(normalize(ours.edges), normalize(theirs.edges));
  const rows: Row[] = [
    {
      tier,
      measure: "GEXF output equivalent to graphology-gexf's",
      value: same ? 1 : 0,
      unit: same ? "(same parsed graph)" : "(differs)",
      target: "same parsed graph",
      met: same,
      note: `on ${checked}`,
    },
  ];
  if (!existsSync(GEXF_VALIDATOR) || spawnSync("xmllint", ["--version"]).error) {
    rows.push({
      tier,
      measure: "GEXF schema validity",
      value: null,
      unit: "",
      note: "skipped: validator or xmllint absent",
    });
    return rows;
  }
  const run = spawnSync(GEXF_VALIDATOR, ["-q", path.join(outDir, "ours.gexf")], { encoding: "utf8", timeout: 120_000 });
  const valid = run.status === 0;
  rows.push({
    tier,
    measure: "GEXF schema validity (validate.sh, xmllint)",
    value: valid ? 1 : 0,
    unit: valid ? "(valid)" : "(invalid)",
    target: "valid GEXF 1.3",
    met: valid,
    note: valid ? "" : `${run.stdout}${run.stderr}`.slice(0, 200),
  });
  return rows;
}
