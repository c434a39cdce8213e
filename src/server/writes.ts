/**
 * Server write set-up: gives a server context its data writer and write policy, and watches graph-data/ so that a
 * hand edit or a `kg ingest` from another process reaches the served graph (or /api/health, when it is broken).
 *
 * Two ways of noticing, because neither is enough alone: a watch on each folder (./watchFolders.ts) reacts at once,
 * but a watch can fail or miss events (Node's recursive watch, used before, kept watching a file's old inode after a
 * rename); a timer comparing the files' stat signature catches what it misses within `pollMs` or so.
 */
import path from "node:path";
import { writeAccessFor } from "./auth.ts";
import type { ServerContext } from "./context.ts";
import { logger } from "../util/logger.ts";
import { throttle } from "../util/throttle.ts";
import { watchFolders } from "./watchFolders.ts";
import { statSignatureAsync } from "../store/statSignature.ts";
import { recoverPendingWrites } from "../store/transaction.ts";
import type { Extractor } from "../ingest/types.ts";
import { DataWriter } from "../ingest/writer.ts";
import { snapshotAfterSave } from "./snapshotWriter.ts";

/** Tunables of {@link setupWrites}. */
export interface WriteSetupOptions {
  host: string;
  readOnly: boolean;
  token: string | null;
  extractor: Extractor | null;
  /** Watch graph-data/ for changes made by others. */
  watch: boolean;
  /** Delay between the first change noticed and the refresh, so that a burst of changes is read once. */
  debounceMs: number;
  /** How often the files' stat signature is compared, to catch what fs.watch misses; 0 turns the timer off. */
  pollMs: number;
  /** The largest graph (in entities) whose first write's copy is made at start rather than on that write's path. */
  spareAtStartMaxNodes: number;
}

export const DEFAULT_WRITE_SETUP_OPTIONS: WriteSetupOptions = {
  host: "127.0.0.1",
  readOnly: false,
  token: null,
  extractor: null,
  watch: true,
  debounceMs: 250,
  pollMs: 500,
  spareAtStartMaxNodes: 250_000,
};

/** The signature poll takes at most about 1/POLL_SHARE of the server's time (3,000 files: ~100 ms per poll). */
const POLL_SHARE = 20;

// Changes under these names are ours or generated: build output, staging, lock files, temporary files.
const IGNORED = /^(build[\\/]|\.)|[\\/]\./;

/**
 * Whether the first write's graph is copied at start, in idle time, rather than on that write's path: with writes on,
 * and not for a graph so large that a second copy held from the start costs more than the first write's wait.
 */
export function copiesAtStart(writesOn: boolean, entities: number, options: Partial<WriteSetupOptions> = {}): boolean {
  const { spareAtStartMaxNodes } = { ...DEFAULT_WRITE_SETUP_OPTIONS, ...options };
  return writesOn && entities <= spareAtStartMaxNodes;
}

/** Sets `ctx.writer` and `ctx.writeAccess`; returns a function that stops the watcher and saves pending work. */
export function setupWrites(ctx: ServerContext, options: Partial<WriteSetupOptions> = {}): () => Promise<void> {
  const opts = { ...DEFAULT_WRITE_SETUP_OPTIONS, ...options };
  ctx.writeAccess = writeAccessFor({ ...opts, hasDataRoot: ctx.dataRoot !== null });
  if (ctx.dataRoot === null) return () => Promise.resolve();
  const afterSave = ctx.snapshots
    ? snapshotAfterSave(ctx.snapshots, { dataRoot: ctx.dataRoot, readOnly: opts.readOnly })
    : null;
  const spareAtStart = copiesAtStart(ctx.writeAccess.type !== "off", ctx.served.graph.order, opts);
  const writer = new DataWriter(ctx.dataRoot, ctx.served, { extractor: opts.extractor, afterSave, spareAtStart });
  recoverPendingWrites(writer.dataFiles);
  if (ctx.writeAccess.type !== "off") ctx.writer = writer;
  if (ctx.writeAccess.type === "off") logger.info({ reason: ctx.writeAccess.reason }, "write endpoints are off");
  const unwatch = opts.watch ? watchData(writer, opts) : () => undefined;
  return () => {
    unwatch();
    return writer.flush();
  };
}

function watchData(writer: DataWriter, { debounceMs, pollMs }: WriteSetupOptions): () => void {
  let unwatch = () => undefined as void;
  // A first sync records which files the served graph reflects: documents added later are then merged into it.
  writer.refresh().catch((error: Error) => logger.warn({ err: error.message }, "graph-data has problems"));
  // One refresh at a time, and one more after it if changes came meanwhile: each takes the write lock, and refreshes
  // queued behind one another would take it in turn between two steps of a `kg ingest`, keeping it waiting.
  let running = false;
  let again = false;
  const refresh = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    writer
      .refresh()
      .then((outcome) => {
        if (outcome === "reloaded") logger.info("served graph reloaded from graph-data/");
      })
      .catch((error: Error) =>
        logger.warn({ err: error.message }, "graph-data has problems; serving the last good graph"),
      )
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          changed();
        }
      });
  };
  // Counted from the first change, not the last: a `kg ingest` writes every few milliseconds for its whole run, and
  // waiting for a quiet moment would leave its documents out of the served graph until its end.
  const changed = throttle(refresh, debounceMs);
  try {
    unwatch = watchFolders(writer.dataFiles.root, (name) => {
      if (name && IGNORED.test(path.normalize(name))) return;
      changed();
    });
  } catch (error) {
    logger.warn({ err: (error as Error).message }, "cannot watch graph-data/; polling its files instead");
  }
  const stopPolling = pollMs > 0 ? pollSignature(writer, pollMs, changed) : () => undefined;
  return () => {
    changed.cancel();
    stopPolling();
    unwatch();
  };
}

/** Calls `changed` whenever the root's stat signature differs from the previous poll's; returns the stop function. */
function pollSignature(writer: DataWriter, pollMs: number, changed: () => void): () => void {
  let last: string | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = async () => {
    const started = performance.now();
    const signature = await statSignatureAsync(writer.dataFiles).catch(() => last);
    if (last !== null && signature !== last) changed();
    last = signature;
    // Stat-ing every file grows with the corpus: the poll waits at least POLL_SHARE times as long as it took.
    const wait = Math.max(pollMs, (performance.now() - started) * POLL_SHARE);
    if (!stopped) timer = setTimeout(() => void poll(), wait).unref();
  };
  void poll();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
