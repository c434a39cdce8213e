/**
 * Write helpers: flush a directory entry, and the crash-test pause between the steps of a staged write.
 */
import { closeSync, fsyncSync, openSync } from "node:fs";

/**
 * Test hook: `KG_WRITE_STEP_DELAY_MS=<ms>` makes every step of a staged write (each staged file, the COMMIT marker,
 * each rename) wait that long, so a crash test can SIGKILL the process at a chosen step. Unset in normal use.
 */
export const WRITE_STEP_DELAY_ENV = "KG_WRITE_STEP_DELAY_MS";

/** Flushes a directory so a rename into it survives a crash. */
export function syncDirectory(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Blocks for the test delay, if one is set (synchronously: a staged write must not interleave with other code). */
export function testPause(): void {
  const ms = Number(process.env[WRITE_STEP_DELAY_ENV] ?? 0);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(ms, 60_000));
}
