/**
 * `npm run eval`: the extractor on text it was not tuned on. Runs the reference Re-DocRED scorer on the held-back
 * fifth of the Re-DocRED development set, then scores the hand-annotated news sets (entity P/R/F1, typed-relation
 * P/R, connected gold pairs) against graph-data/'s ontology and lexicon but not its curated graph.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runAsScript } from "../../util/script.ts";
import { loadExtractContext } from "../context.ts";
import { loadGoldSet } from "./gold.ts";
import { runRedocred, type RedocredFigures } from "./redocredRun.ts";
import type { RedocredSplit } from "./redocred.ts";
import { scoreSet, type Score } from "./score.ts";
import { EVAL_SETS } from "./sets.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const SHARED = path.resolve(ROOT, "../shared/redocred");

/** Quality targets on news: entity F1, and the share of gold pairs that typed or open relations connect. */
export const NEWS_TARGETS = { entityF1: 0.9, pairRecall: 0.5 };

/** Quality targets on Re-DocRED (the reference scorer's figures). */
export const REDOCRED_TARGETS = {
  entityRecall: 0.9,
  entityPrecision: 0.85,
  pairRecall: 0.3,
  pairPrecision: 0.7,
  tripleF1: 0.25,
};

const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
const check = (name: string, value: number, target: number) =>
  `${name} ${pct(value).trim()}% ${value >= target ? ">=" : "<"} ${target * 100}`;

/** Formats a news set's scores as a table. */
export function formatScores(set: string, scores: Score[]): string {
  const lines = [`${set}`, `  ${"document".padEnd(30)} words   ent P  ent R ent F1   rel P  rel R  pair P pair R`];
  for (const s of scores)
    lines.push(
      `  ${s.name.padEnd(30)} ${String(s.words).padStart(5)} ${pct(s.entities.precision)} ${pct(s.entities.recall)} ` +
        `${pct(s.entities.f1)} ${pct(s.relations.precision)} ${pct(s.relations.recall)} ${pct(s.pairs.precision)} ` +
        `${pct(s.pairs.recall)}`,
    );
  const o = scores[scores.length - 1];
  lines.push(
    `  targets: ${check("entity F1", o.entities.f1, NEWS_TARGETS.entityF1)}, ` +
      `${check("pair recall", o.pairs.recall, NEWS_TARGETS.pairRecall)}`,
  );
  return lines.join("\n");
}

/** Formats the scorer's figures with the targets. */
export function formatRedocred(split: RedocredSplit, f: RedocredFigures): string {
  const t = REDOCRED_TARGETS;
  return [
    `Re-DocRED ${split} split (${f.docs} documents, reference scorer)`,
    `  entity R ${pct(f.entityRecall)} P ${pct(f.entityPrecision)}   pair R ${pct(f.pairRecall)} P ${pct(f.pairPrecision)}` +
      `   triple R ${pct(f.tripleRecall)} P ${pct(f.triplePrecision)} F1 ${pct(f.tripleF1)}   ${f.wordsPerSecond} words/s (wall, process start included)`,
    `  targets: ${check("entity R", f.entityRecall, t.entityRecall)}, ${check("entity P", f.entityPrecision, t.entityPrecision)}, ` +
      `${check("pair R", f.pairRecall, t.pairRecall)}, ${check("pair P", f.pairPrecision, t.pairPrecision)}, ` +
      `${check("triple F1", f.tripleF1, t.tripleF1)}`,
  ].join("\n");
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      verbose: { type: "boolean", short: "v" },
      split: { type: "string", default: "eval" },
      "no-redocred": { type: "boolean" },
    },
  });
  if (values.split !== "eval" && values.split !== "train")
    throw new Error(`eval: --split is eval (the held-back fifth) or train, got "${values.split}"`);
  if (!values["no-redocred"]) {
    const run = runRedocred({
      dataFile: path.join(SHARED, "dev.json"),
      scorer: path.join(SHARED, "score.mjs"),
      root: ROOT,
      split: values.split,
    });
    process.stdout.write(
      "figures" in run ? `${formatRedocred(values.split, run.figures)}\n\n` : `Re-DocRED skipped: ${run.missing}\n\n`,
    );
  }
  const context = loadExtractContext();
  for (const set of EVAL_SETS) {
    const scores = scoreSet(loadGoldSet(set.dir), { ...context });
    process.stdout.write(formatScores(set.name, scores) + "\n\n");
    // Errors are listed for the development set only: the held-out sets are for measuring, not for tuning.
    if (values.verbose && !set.heldOut)
      for (const s of scores) for (const e of s.counts.errors) process.stdout.write(`  ${s.name}: ${e}\n`);
  }
  return 0;
}

runAsScript(import.meta.url, main);
