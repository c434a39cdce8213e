/**
 * Snapshot file watch: notices that the file at a snapshot's path is another one (renamed over, rewritten, removed),
 * from a watch on its folder, debounced, and from a periodic look as a fallback, since fs.watch can miss events
 * (containers, network file systems) and a watch on the file itself would follow its old inode after a rename.
 */
import { statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { logger } from "../util/logger.ts";

/** Tunables of {@link watchSnapshotFile}. */
export interface SnapshotWatchOptions {
  /** Quiet time after the last event in the folder before the file is looked at, so a copy in progress settles. */
  debounceMs: number;
  /** How often the file is looked at anyway, for the events fs.watch misses; 0 turns the timer off. */
  pollMs: number;
}

export const DEFAULT_SNAPSHOT_WATCH_OPTIONS: SnapshotWatchOptions = { debounceMs: 200, pollMs: 2_000 };

/**
 * One version of a file: device, inode, size and modification time (a rename brings another inode, a rewrite in place
 * another size or time); null when there is no file there.
 */
export type FileIdentity = string | null;

/** The identity of the file at `file` now. */
export function fileIdentity(file: string): FileIdentity {
  try {
    const stat = statSync(file, { bigint: true });
    return stat.isFile() ? `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}` : null;
  } catch {
    return null;
  }
}

/**
 * Calls `changed` with the file's identity each time the file at `file` is found to differ from the one last seen
 * (`known` at first). Returns the function that stops watching.
 */
export function watchSnapshotFile(
  file: string,
  known: FileIdentity,
  changed: (identity: FileIdentity) => void,
  options: Partial<SnapshotWatchOptions> = {},
): () => void {
  const { debounceMs, pollMs } = { ...DEFAULT_SNAPSHOT_WATCH_OPTIONS, ...options };
  let last = known;
  let pending: NodeJS.Timeout | null = null;
  // An event already queued when the watch is closed may still be delivered: nothing is reported after stop.
  let stopped = false;
  const look = () => {
    pending = null;
    if (stopped) return;
    const now = fileIdentity(file);
    if (now === last) return;
    last = now;
    changed(now);
  };
  const soon = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(look, debounceMs).unref();
  };
  const folderWatch = watchFolder(file, soon);
  const poll = pollMs > 0 ? setInterval(look, pollMs).unref() : null;
  return () => {
    stopped = true;
    folderWatch?.close();
    if (pending) clearTimeout(pending);
    if (poll) clearInterval(poll);
  };
}

/** A watch on the file's folder calling `event` for each change under the file's name; null when none can be had. */
function watchFolder(file: string, event: () => void): FSWatcher | null {
  const name = path.basename(file);
  try {
    const watcher = watch(path.dirname(path.resolve(file)), { persistent: false }, (_type, changed) => {
      // Some platforms do not say which file changed: look then too.
      if (!changed || String(changed) === name) event();
    });
    watcher.on("error", (error) => {
      logger.warn(
        { file, err: error.message },
        "the watch on the snapshot's folder failed; looking at it periodically",
      );
      watcher.close();
    });
    return watcher;
  } catch (error) {
    logger.warn({ file, err: (error as Error).message }, "cannot watch the snapshot's folder; looking periodically");
    return null;
  }
}
