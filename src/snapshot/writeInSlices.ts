/**
 * Snapshot writer in slices: the snapshot of a served graph written beside requests, yielding to the event loop
 * between writes, flushed and renamed asynchronously, abandoned on request.
 */
import type { FileHandle } from "node:fs/promises";
import type { KnowledgeGraph } from "../model/types.ts";
import { writeFileAtomicAsync } from "../store/atomicWrite.ts";
import { DEFAULT_SLICE_OPTIONS } from "../util/slices.ts";
import { yieldToEventLoop } from "../util/yieldToEventLoop.ts";
import type { SnapshotMeta } from "./types.ts";
import { checkEndianness, snapshotWrites } from "./write.ts";

/** Tunables of {@link writeSnapshotInSlices}. */
export interface SlicedWriteOptions {
  /**
   * Longest run of work before yielding to the event loop, checked between two writes (each write of the file yields
   * too, while it is under way).
   */
  sliceMs: number;
  /** Abandons the write at its next step: it rejects with the signal's reason, the temporary file removed. */
  signal: AbortSignal | null;
}

export const DEFAULT_SLICED_WRITE_OPTIONS: SlicedWriteOptions = {
  sliceMs: DEFAULT_SLICE_OPTIONS.sliceMs,
  signal: null,
};

/** What {@link writeSnapshotInSlices} did: the file's size, its slices and the longest of them. */
export interface SlicedWriteResult {
  bytes: number;
  slices: number;
  /** The longest run of the writer's own work without a yield to the event loop. */
  longestSliceMs: number;
}

/**
 * Writes `graph`'s snapshot to `file` as {@link writeSnapshot} does (the same bytes, atomically: a temporary file,
 * flushed, renamed), in slices. `graph` must not change until it resolves: its records are read as they are written.
 */
export async function writeSnapshotInSlices(
  graph: KnowledgeGraph,
  file: string,
  meta: SnapshotMeta,
  options: Partial<SlicedWriteOptions> = {},
): Promise<SlicedWriteResult> {
  const { sliceMs, signal } = { ...DEFAULT_SLICED_WRITE_OPTIONS, ...options };
  checkEndianness();
  signal?.throwIfAborted();
  return writeFileAtomicAsync(file, async (handle) => {
    const writes = snapshotWrites(graph, meta);
    let slices = 1;
    let longestSliceMs = 0;
    let started = performance.now();
    for (;;) {
      signal?.throwIfAborted();
      const next = writes.next();
      if (next.done) return { bytes: next.value, slices, longestSliceMs };
      const { bytes, position } = next.value;
      const elapsed = performance.now() - started;
      if (bytes.length === 0 && elapsed < sliceMs) continue;
      longestSliceMs = Math.max(longestSliceMs, elapsed);
      await (bytes.length > 0 ? writeAll(handle, bytes, position) : yieldToEventLoop());
      slices++;
      started = performance.now();
    }
  });
}

/** Writes every byte of `bytes` at `position` (one call may write less). */
async function writeAll(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}
