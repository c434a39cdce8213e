/**
 * Process identity: what tells one process from a later one that reuses its pid — its start time since boot and the
 * boot id — read from Linux's /proc; null elsewhere or when unreadable, and callers then fall back to the pid alone.
 */
import { readFileSync } from "node:fs";

/**
 * The start time of process `pid` in clock ticks since boot (field 22 of /proc/<pid>/stat), as a string; null when
 * the process does not exist or /proc is not there.
 */
export function processStartTime(pid: number): string | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces or ')'; fields 3… follow the last ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const start = fields[19];
  return start && /^\d+$/.test(start) ? start : null;
}

/** This boot's id (/proc/sys/kernel/random/boot_id), or null when unreadable. */
export function bootId(): string | null {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || null;
  } catch {
    return null;
  }
}
