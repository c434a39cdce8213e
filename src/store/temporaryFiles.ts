/**
 * Temporary files of atomic writes: their names beside a target, and the sweep of the ones a killed process left.
 */
import { lstatSync, readdirSync, unlinkSync } from "node:fs";
import path from "node:path";

/** Tunables of {@link removeStaleTemporaries}. */
export interface StaleTemporaryOptions {
  /**
   * A temporary file not modified for this long was left by a writer that died (SIGKILL, crash, container restart).
   * A live writer modifies its file with every write, but may pause between two (an index built first, a busy disk's
   * flush, a suspended machine), and another process — a replica on a shared volume, whose clock may differ — may be
   * writing the same target. Its process id cannot tell: ids are reused, in containers after every restart. So the
   * threshold is generous; a leftover younger than it is removed by a later write of the same target.
   */
  staleMs: number;
}

export const DEFAULT_STALE_TEMPORARY_OPTIONS: StaleTemporaryOptions = { staleMs: 60 * 60_000 };

let counter = 0;

/** A temporary file beside `file`, hidden, unique to this process and write: `.<name>.<pid>.<n>.tmp`. */
export function temporaryPathOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${++counter}.tmp`);
}

/**
 * Removes the temporary files of `file`'s atomic writes (named as {@link temporaryPathOf} names them, by any process)
 * that have not been modified for `staleMs`; returns their paths. Only regular files are removed: a symbolic link or
 * a folder of such a name is left, and never followed. Best effort: what cannot be read or removed is logged.
 */
export function removeStaleTemporaries(file: string, options: Partial<StaleTemporaryOptions> = {}): string[] {
  const { staleMs } = { ...DEFAULT_STALE_TEMPORARY_OPTIONS, ...options };
  const dir = path.dirname(file);
  const pattern = temporaryNamePattern(path.basename(file));
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => pattern.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT")
      log("warn", { dir, err: (error as Error).message }, "could not look for stale temporary files");
    return [];
  }
  return names.map((name) => path.join(dir, name)).filter((candidate) => removeIfStale(candidate, staleMs));
}

/** Unlinks `candidate` if it is a regular file not modified for `staleMs` (unlink never follows a link). */
function removeIfStale(candidate: string, staleMs: number): boolean {
  try {
    const stat = lstatSync(candidate);
    if (!stat.isFile() || Date.now() - stat.mtimeMs < staleMs) return false;
    unlinkSync(candidate);
    log("info", { file: candidate, modified: stat.mtime.toISOString() }, "removed a stale temporary file");
    return true;
  } catch (error) {
    // Gone meanwhile: another process swept it, or its writer renamed it into place.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT")
      log("warn", { file: candidate, err: (error as Error).message }, "could not remove a stale temporary file");
    return false;
  }
}

/** Matches exactly the names {@link temporaryPathOf} gives the temporary files of a target named `base`. */
function temporaryNamePattern(base: string): RegExp {
  return new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.\\d+\\.\\d+\\.tmp$`);
}

/**
 * Logs through the project's logger, loaded only when there is something to say: every atomic write sweeps, and the
 * command-line paths that check flags before loading anything must not load pino for it.
 */
function log(level: "info" | "warn", fields: Record<string, unknown>, message: string): void {
  void import("../util/logger.ts").then(({ logger }) => logger[level](fields, message));
}
