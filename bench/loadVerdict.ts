/**
 * Load-test verdict: the figures of each server over its rounds, and whether the run passes — no errors, timeouts or
 * non-2xx answers, our server's memory steady, and our throughput not far below the bare baseline's.
 */

/** One round against one server, as the verdict needs it. */
export interface RoundCounts {
  requests: number;
  seconds: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** A server's figures over all its rounds. */
export interface ServerFigures extends RoundCounts {
  requestsPerSecond: number;
  /** Resident memory after warm-up and at the end, bytes (the load test reads both after a full collection). */
  rssAfterWarmup: number;
  rssEnd: number;
}

/** Limits of {@link loadVerdict}. */
export interface VerdictOptions {
  /** Largest allowed growth of our resident memory from after warm-up to the end (0.1 = 10%). */
  maxRssGrowth: number;
  /** Smallest allowed throughput ours ÷ bare. */
  minRatio: number;
}

export const DEFAULT_VERDICT_OPTIONS: VerdictOptions = { maxRssGrowth: 0.1, minRatio: 0.5 };

/** The pre-check's findings that fail a run. */
export interface PrecheckCounts {
  /** URLs either server did not answer 2xx. */
  invalid: number;
  /** Sampled URLs whose bodies differ between the servers (the comparison would not be fair). */
  differing: number;
}

/** Sums a server's rounds; throughput is all requests over all measured seconds. */
export function combineRounds(rounds: RoundCounts[], rssAfterWarmup: number, rssEnd: number): ServerFigures {
  const sum = (key: keyof RoundCounts) => rounds.reduce((total, round) => total + round[key], 0);
  const seconds = sum("seconds");
  const requests = sum("requests");
  return {
    requests,
    seconds,
    errors: sum("errors"),
    timeouts: sum("timeouts"),
    non2xx: sum("non2xx"),
    requestsPerSecond: seconds > 0 ? requests / seconds : 0,
    rssAfterWarmup,
    rssEnd,
  };
}

/** Relative growth from `before` to `after` (negative when it shrank). */
export function growth(before: number, after: number): number {
  return (after - before) / before;
}

/** Throughput ours ÷ bare; 0 when the bare server answered nothing (the run fails on its errors then). */
export function throughputRatio(ours: ServerFigures, bare: ServerFigures): number {
  return bare.requestsPerSecond > 0 ? ours.requestsPerSecond / bare.requestsPerSecond : 0;
}

/** Why the run fails; empty when it passes. */
export function loadVerdict(
  ours: ServerFigures,
  bare: ServerFigures,
  precheck: PrecheckCounts,
  options: Partial<VerdictOptions> = {},
): string[] {
  const { maxRssGrowth, minRatio } = { ...DEFAULT_VERDICT_OPTIONS, ...options };
  const failures: string[] = [];
  for (const [name, figures] of [
    ["ours", ours],
    ["bare", bare],
  ] as const) {
    if (figures.errors > 0) failures.push(`${name}: ${figures.errors} errors`);
    if (figures.timeouts > 0) failures.push(`${name}: ${figures.timeouts} timeouts`);
    if (figures.non2xx > 0) failures.push(`${name}: ${figures.non2xx} non-2xx answers`);
  }
  if (precheck.invalid > 0) failures.push(`${precheck.invalid} generated requests were not 2xx in the pre-check`);
  if (precheck.differing > 0)
    failures.push(`${precheck.differing} sampled requests answered differently on the two servers`);
  const rss = growth(ours.rssAfterWarmup, ours.rssEnd);
  if (rss > maxRssGrowth) failures.push(`ours: rss grew ${pct(rss)} (limit ${pct(maxRssGrowth)})`);
  const ratio = throughputRatio(ours, bare);
  if (ratio < minRatio) failures.push(`throughput ours/bare ${ratio.toFixed(2)} (limit ${minRatio})`);
  return failures;
}

function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}
