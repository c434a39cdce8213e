/**
 * Bare first start: the first start (no snapshot) of a generated graph's file beside that of the same graph written
 * bare, as a file from another tool would be (labels only; the server derives the rest), alternating which goes first.
 */
import { loadavg } from "node:os";
import { round, type Row } from "../report.ts";
import { median } from "../util/stats.ts";
import { firstStart, type FirstStartFigures } from "./snapshotFirstStart.ts";

/** Tunables of {@link measureFirstStartBare}. */
export interface FirstStartBareOptions {
  /** First starts of each file. */
  runs: number;
  /** Largest bare/full ratio of spawn → serving that is not pathological. */
  maxRatio: number;
}

export const DEFAULT_FIRST_START_BARE_OPTIONS: FirstStartBareOptions = { runs: 3, maxRatio: 1.5 };

/** The two files of one graph: with every attribute of the model, and bare. */
export interface FullAndBare {
  full: string;
  bare: string;
}

/** One first start, with the 1-minute load average just before it. */
interface Run extends FirstStartFigures {
  load: number;
}

/** What each row reports: a figure of {@link FirstStartFigures}, its unit and how to scale it. */
const FIGURES: [measure: string, key: keyof FirstStartFigures, unit: string, scale: number][] = [
  ["spawn → serving", "servingMs", "s", 1 / 1000],
  ["CPU time of the process group at serving", "servingCpuSeconds", "s", 1],
  ["resident memory at serving", "servingRssMb", "MB", 1],
  ["spawn → snapshot written (in the background)", "writtenMs", "s", 1 / 1000],
];

/**
 * `runs` first starts of each file (each after removing its snapshot), alternating which goes first; medians of the
 * bare file beside the full one, every run's figure and load average in the notes.
 */
export async function measureFirstStartBare(
  tier: string,
  files: FullAndBare,
  pair: [string, string],
  options: Partial<FirstStartBareOptions> = {},
): Promise<Row[]> {
  const { runs, maxRatio } = { ...DEFAULT_FIRST_START_BARE_OPTIONS, ...options };
  const full: Run[] = [];
  const bare: Run[] = [];
  // A start that fails (e.g. does not serve in time) is reported, and the other file's figures are kept.
  const failures: string[] = [];
  for (let i = 0; i < runs; i++) {
    const order: ["full" | "bare", Run[]][] = [
      ["full", full],
      ["bare", bare],
    ];
    for (const [which, into] of i % 2 === 0 ? order : order.reverse()) {
      const load = loadavg()[0];
      try {
        into.push({ ...(await firstStart(files[which], pair)), load });
      } catch (error) {
        failures.push(`${which} run ${i + 1} (load ${round(load, 1)}): ${(error as Error).message.slice(0, 200)}`);
      }
    }
  }
  const loads = (list: Run[]) => list.map((r) => round(r.load, 1)).join(", ");
  const failed = failures.length > 0 ? `; failed: ${failures.join("; ")}` : "";
  const note = `npm start --graph without a snapshot, medians of ${runs} (alternating); load average before each: full ${loads(full)}, bare ${loads(bare)}${failed}`;
  return FIGURES.map(([measure, key, unit, scale]) => {
    // median is NaN for a file none of whose starts succeeded; the row then says so.
    const value = median(bare.map((r) => r[key] * scale));
    const baselineValue = median(full.map((r) => r[key] * scale));
    const all = (list: Run[]) => list.map((r) => round(r[key] * scale, 1)).join(", ");
    const timed = key === "servingMs";
    return {
      tier,
      measure: `first start of a bare file (labels only): ${measure}`,
      value: round(value, 1),
      unit,
      baseline: "the same graph with every attribute",
      baselineValue: round(baselineValue, 1),
      ratio: round(baselineValue / value, 2),
      ...(timed ? { target: `≤ ${maxRatio}× the full file's`, met: value <= maxRatio * baselineValue } : {}),
      note: `${timed ? `${note}; ` : ""}runs: bare ${all(bare)}, full ${all(full)}`,
    };
  });
}
