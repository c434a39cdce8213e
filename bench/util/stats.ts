/**
 * Statistics: percentiles and latency summaries of the timings the suite collects.
 */

/** p50/p99/max of a set of durations in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** The `q`-quantile (0..1) of `values` by nearest rank; NaN when empty. */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Summarises durations (ms). */
export function summarize(values: ArrayLike<number>): LatencySummary {
  let sum = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (values[i] > max) max = values[i];
  }
  return {
    count: values.length,
    p50: quantile(values, 0.5),
    p99: quantile(values, 0.99),
    max,
    mean: values.length ? sum / values.length : NaN,
  };
}

/** Runs `fn` and returns its result and duration in ms. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/** Median of `values`; NaN when empty. */
export function median(values: number[]): number {
  return quantile(values, 0.5);
}
