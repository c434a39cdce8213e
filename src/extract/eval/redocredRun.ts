/**
 * Re-DocRED run: the reference scorer (shared/redocred/score.mjs) over one split of the development set, with this
 * checkout's `kg extract --jsonl` as the extractor, exactly as an outside evaluation runs it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { splitOf, type RedocredSplit } from "./redocred.ts";

/** The scorer's figures (see shared/redocred/README.md for each). */
export interface RedocredFigures {
  docs: number;
  missingResults: number;
  entityRecall: number;
  entityPrecision: number;
  pairRecall: number;
  pairPrecision: number;
  tripleRecall: number;
  triplePrecision: number;
  tripleF1: number;
  typedRelations: number;
  withWikidata: number;
  wordsPerSecond: number;
}

/** Where the data set and scorer are, and which checkout extracts. */
export interface RedocredRunOptions {
  dataFile: string;
  scorer: string;
  /** The checkout whose bin/kg.js is run. */
  root: string;
  split: RedocredSplit;
}

/** Runs the scorer on the documents of `split`; null (with the reason) when the data set or scorer is absent. */
export function runRedocred(o: RedocredRunOptions): { figures: RedocredFigures } | { missing: string } {
  for (const file of [o.dataFile, o.scorer])
    if (!existsSync(file))
      return { missing: `${file} is not there (it comes with the shared/ folder beside the checkout)` };
  const all: unknown[] = JSON.parse(readFileSync(o.dataFile, "utf8"));
  const dir = mkdtempSync(path.join(tmpdir(), "kg-redocred-"));
  try {
    const input = path.join(dir, `${o.split}.json`);
    writeFileSync(input, JSON.stringify(all.filter((_, i) => splitOf(i) === o.split)));
    const run = spawnSync(
      process.execPath,
      [o.scorer, input, "--cmd", `${process.execPath} ${path.join(o.root, "bin/kg.js")}`],
      {
        cwd: o.root,
        encoding: "utf8",
        maxBuffer: 1 << 26,
      },
    );
    if (run.status !== 0)
      throw new Error(`eval: the Re-DocRED scorer failed (status ${run.status}): ${(run.stderr || "").slice(-500)}`);
    const last = run.stdout.trim().split("\n").pop() ?? "";
    return { figures: JSON.parse(last) as RedocredFigures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
