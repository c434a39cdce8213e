/**
 * Server write set-up: gives a server context its data writer and write policy, and watches graph-data/ so that a
 * hand edit or a `kg ingest` from another process reaches the served graph (or /api/health, when it is broken).
 */
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { writeAccessFor } from "../server/auth.ts";
import type { ServerContext } from "../server/context.ts";
import { logger } from "../util/logger.ts";
import { recoverPendingWrites } from "./transaction.ts";
import type { Extractor } from "./types.ts";
import { DataWriter } from "./writer.ts";

/** Tunables of {@link setupWrites}. */
export interface WriteSetupOptions {
  host: string;
  readOnly: boolean;
  token: string | null;
  extractor: Extractor | null;
  /** Watch graph-data/ for changes made by others. */
  watch: boolean;
  /** Quiet period after the last change before reloading. */
  debounceMs: number;
}

export const DEFAULT_WRITE_SETUP_OPTIONS: WriteSetupOptions = {
  host: "127.0.0.1",
  readOnly: false,
  token: null,
  extractor: null,
  watch: true,
  debounceMs: 250,
};

// Changes under these names are ours or generated: build output, staging, lock files, temporary files.
const IGNORED = /^(build[\\/]|\.)|[\\/]\./;

/** Sets `ctx.writer` and `ctx.writeAccess`; returns a function that stops the watcher and saves pending work. */
export function setupWrites(ctx: ServerContext, options: Partial<WriteSetupOptions> = {}): () => Promise<void> {
  const opts = { ...DEFAULT_WRITE_SETUP_OPTIONS, ...options };
  ctx.writeAccess = writeAccessFor({ ...opts, hasDataRoot: ctx.dataRoot !== null });
  if (ctx.dataRoot === null) return () => Promise.resolve();
  const writer = new DataWriter(ctx.dataRoot, ctx.store, { extractor: opts.extractor });
  recoverPendingWrites(writer.layout);
  if (ctx.writeAccess.type !== "off") ctx.writer = writer;
  if (ctx.writeAccess.type === "off") logger.info({ reason: ctx.writeAccess.reason }, "write endpoints are off");
  const unwatch = opts.watch ? watchData(writer, opts.debounceMs) : () => undefined;
  return () => {
    unwatch();
    return writer.flush();
  };
}

function watchData(writer: DataWriter, debounceMs: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher;
  const refresh = () => {
    writer
      .refresh()
      .then((outcome) => {
        if (outcome === "reloaded") logger.info("served graph reloaded from graph-data/");
      })
      .catch((error: Error) =>
        logger.warn({ err: error.message }, "graph-data has problems; serving the last good graph"),
      );
  };
  try {
    watcher = watch(writer.layout.root, { recursive: true, persistent: false }, (_event, name) => {
      if (name && IGNORED.test(path.normalize(String(name)))) return;
      clearTimeout(timer);
      timer = setTimeout(refresh, debounceMs);
    });
  } catch (error) {
    logger.warn({ err: (error as Error).message }, "cannot watch graph-data/; changes by others show after a restart");
    return () => undefined;
  }
  watcher.on("error", () => undefined);
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
