/**
 * Memory probes: peak resident memory from /proc (Linux), resettable, so a synchronous task's peak is seen too.
 */
import { readFileSync, writeFileSync } from "node:fs";

/** Resident memory now, in bytes. */
export function rssBytes(): number {
  return process.memoryUsage().rss;
}

/**
 * Resets the kernel's peak-RSS mark (VmHWM) of this process; false when /proc does not allow it. Needed because a
 * synchronous writer (graphology-gexf's) blocks any sampling timer while it runs.
 */
export function resetPeakRss(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** Peak resident memory since start or the last {@link resetPeakRss}, in bytes; null off Linux. */
export function peakRssBytes(): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Runs a full garbage collection when node was started with --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Bytes → MB, one decimal. */
export function mb(bytes: number): number {
  return Math.round((bytes / 1e6) * 10) / 10;
}
