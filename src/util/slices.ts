/**
 * Work in slices: a long job written once as a generator that yields at safe points, run either in one go or in
 * slices of a few milliseconds with the event loop running between them.
 *
 * Hand-written because it is a dozen lines over a generator and setImmediate; the schedulers on npm (p-queue and the
 * like) order whole tasks and cannot pause one in the middle.
 */
import { yieldToEventLoop } from "./yieldToEventLoop.ts";

/** A job that yields at points where it may pause and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Tunables of {@link runInSlices}. */
export interface SliceOptions {
  /**
   * Longest time a slice runs before yielding to the event loop (checked at each of the job's yields, so a slice may
   * run one step longer). 0 yields at every step.
   */
  sliceMs: number;
}

export const DEFAULT_SLICE_OPTIONS: SliceOptions = { sliceMs: 8 };

/** What a run in slices did: its result and how many slices it took (1: it never yielded to the event loop). */
export interface SlicedRun<T> {
  value: T;
  slices: number;
}

/** Runs `steps` to the end without yielding to the event loop (for callers that need the result now). */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs `steps` in slices of about `sliceMs`, the event loop running between them. */
export async function runInSlices<T>(steps: Steps<T>, options: Partial<SliceOptions> = {}): Promise<SlicedRun<T>> {
  const { sliceMs } = { ...DEFAULT_SLICE_OPTIONS, ...options };
  let slices = 1;
  let started = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return { value: next.value, slices };
    if (performance.now() - started >= sliceMs) {
      await yieldToEventLoop();
      slices++;
      started = performance.now();
    }
  }
}
