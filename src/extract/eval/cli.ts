/**
 * `npm run eval`: extracts the development and held-out sets and prints entity P/R/F1 and typed-relation P/R
 * per document and overall, against graph-data/'s ontology and lexicon but not its curated graph.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadExtractContext } from "../context.ts";
import { loadGoldSet } from "./gold.ts";
import { scoreSet, type Score } from "./score.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** The evaluation sets, in the order they are printed. */
export const EVAL_SETS = [
  { name: "dev", dir: path.join(ROOT, "tests/fixtures/extract/dev") },
  { name: "held-out", dir: path.join(ROOT, "tests/fixtures/extract/heldout") },
];

/** The quality targets of issue 6, on each set. */
export const TARGETS = { entityF1: 0.9, relationPrecision: 0.7, relationRecall: 0.5 };

/** Formats a set's scores as a table. */
export function formatScores(set: string, scores: Score[]): string {
  const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
  const lines = [`${set}`, `  ${"document".padEnd(28)} words   ent P  ent R ent F1   rel P  rel R`];
  for (const s of scores)
    lines.push(
      `  ${s.name.padEnd(28)} ${String(s.words).padStart(5)} ${pct(s.entities.precision)} ${pct(s.entities.recall)} ${pct(s.entities.f1)} ${pct(s.relations.precision)} ${pct(s.relations.recall)}`,
    );
  const o = scores[scores.length - 1];
  const checks = [
    `entity F1 ${pct(o.entities.f1).trim()}% ${o.entities.f1 >= TARGETS.entityF1 ? ">=" : "<"} 90`,
    `relation P ${pct(o.relations.precision).trim()}% ${o.relations.precision >= TARGETS.relationPrecision ? ">=" : "<"} 70`,
    `relation R ${pct(o.relations.recall).trim()}% ${o.relations.recall >= TARGETS.relationRecall ? ">=" : "<"} 50`,
  ];
  lines.push(`  targets: ${checks.join(", ")}`);
  return lines.join("\n");
}

function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { verbose: { type: "boolean", short: "v" } } });
  const context = loadExtractContext();
  for (const set of EVAL_SETS) {
    const scores = scoreSet(loadGoldSet(set.dir), { ...context });
    process.stdout.write(formatScores(set.name, scores) + "\n\n");
    // Errors are listed for the development set only: the held-out set is for measuring, not for tuning.
    if (values.verbose && set.name === "dev")
      for (const s of scores) for (const e of s.counts.errors) process.stdout.write(`  ${s.name}: ${e}\n`);
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
