/**
 * Extraction benchmark: words per second of `extractDocument` on one core over the evaluation texts (the seed
 * article, the development and both held-out sets), after a warm-up. Run alone with `node --import tsx bench/extract.ts`.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractDocument, loadExtractContext } from "../src/extract/index.ts";
import { wordCount } from "../src/extract/eval/score.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FIXTURES = path.join(ROOT, "tests/fixtures/extract");
/** The speed target of issue 6. */
const TARGET_WORDS_PER_SECOND = 20_000;
/** Bounds of the timed loop: whichever comes first. */
const MAX_SECONDS = 3;
const MAX_ROUNDS = 200;
const WARM_UP_ROUNDS = 5;

/** The benchmark's figures. */
export interface ExtractBench {
  /** Words per second of CPU time (user + system) of this single-threaded process: the one-core figure. */
  wordsPerSecond: number;
  /** Words per second of wall-clock time (lower when the machine is shared). */
  wallWordsPerSecond: number;
  documents: number;
  wordsPerRound: number;
  rounds: number;
  cpuMs: number;
  wallMs: number;
  /** One-time cost of compiling the lookup tables (gazetteer, lexicon, ontology), CPU ms. */
  compileMs: number;
  target: number;
  met: boolean;
}

function texts(): string[] {
  const out = [readFileSync(path.join(ROOT, "graph-data/documents/000_fd914f920b6354d3.txt"), "utf8")];
  for (const set of ["dev", "heldout", "news"])
    for (const name of readdirSync(path.join(FIXTURES, set))
      .filter((n) => n.endsWith(".txt"))
      .sort())
      out.push(readFileSync(path.join(FIXTURES, set, name), "utf8"));
  return out;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Measures extraction throughput (bounded by {@link MAX_SECONDS} and {@link MAX_ROUNDS}). */
export async function benchExtract(): Promise<ExtractBench> {
  const docs = texts();
  const words = docs.reduce((n, t) => n + wordCount(t), 0);
  const context = { ...loadExtractContext() };
  const c0 = cpuMs();
  extractDocument("Warm-up.", context);
  const compileMs = cpuMs() - c0;
  for (let r = 0; r < WARM_UP_ROUNDS; r++) for (const t of docs) extractDocument(t, context);
  const cpu0 = cpuMs();
  const wall0 = performance.now();
  let rounds = 0;
  while (rounds < MAX_ROUNDS && performance.now() - wall0 < MAX_SECONDS * 1000) {
    for (const t of docs) extractDocument(t, context);
    rounds++;
  }
  const cpu = cpuMs() - cpu0;
  const wall = performance.now() - wall0;
  const wordsPerSecond = (words * rounds) / (cpu / 1000);
  return {
    wordsPerSecond: Math.round(wordsPerSecond),
    wallWordsPerSecond: Math.round((words * rounds) / (wall / 1000)),
    documents: docs.length,
    wordsPerRound: words,
    rounds,
    cpuMs: Math.round(cpu),
    wallMs: Math.round(wall),
    compileMs: Math.round(compileMs),
    target: TARGET_WORDS_PER_SECOND,
    met: wordsPerSecond >= TARGET_WORDS_PER_SECOND,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await benchExtract();
  console.log(JSON.stringify(result, null, 2));
}
