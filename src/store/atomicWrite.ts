/**
 * Atomic writes: write to a temporary file beside the target, fsync it, then rename over the target; the temporary
 * files of the target that a killed process left are swept first.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { open, rename, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { removeStaleTemporaries, temporaryPathOf } from "./temporaryFiles.ts";

/** Writes `data` to `file` so that readers see either the old or the new content, never a mix. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  writeFileAtomicWith(file, (fd) => {
    writeSync(fd, typeof data === "string" ? Buffer.from(data, "utf8") : data);
  });
}

/**
 * {@link writeFileAtomic} for content written piece by piece: `write` gets the temporary file's descriptor (it may
 * write at any position, e.g. a header last), which is then flushed and renamed over `file`. If `write` throws, the
 * target is left untouched and the temporary file removed. Temporary files of `file` that a killed process left are
 * removed first (see removeStaleTemporaries), as by every atomic write here.
 */
export function writeFileAtomicWith(file: string, write: (fd: number) => void): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  removeStaleTemporaries(file);
  const tmp = temporaryPathOf(file);
  try {
    const fd = openSync(tmp, "w", 0o644);
    try {
      write(fd);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    syncDirectory(dir);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * Writes `data` to `file` and flushes it to disk, without the rename: for a file no reader looks at until a later
 * step publishes it (a staged file of a transaction). The directory entry is not flushed.
 */
export function writeFileDurable(file: string, data: string | Uint8Array): void {
  const fd = openSync(file, "w", 0o644);
  try {
    writeSync(fd, typeof data === "string" ? Buffer.from(data, "utf8") : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Streams `chunks` to `file` with the same guarantee as {@link writeFileAtomic}, without holding the whole content in
 * memory (large exports). If iteration throws, the target is left untouched and the temporary file removed.
 */
export function writeStreamAtomic(file: string, chunks: AsyncIterable<string | Uint8Array>): Promise<number> {
  return writeFileAtomicAsync(file, async (handle) => {
    let bytes = 0;
    for await (const chunk of chunks) {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      await handle.write(buffer);
      bytes += buffer.byteLength;
    }
    return bytes;
  });
}

/**
 * {@link writeFileAtomicWith} without holding the event loop: `write` gets the temporary file's handle (it may write
 * at any position) and resolves with what the caller returns; the file is then flushed, closed, renamed over `file`
 * and its folder flushed, all asynchronously. If `write` rejects, the target is left untouched and the temporary
 * file removed. Stale temporary files of `file` are removed first, as by {@link writeFileAtomicWith}.
 */
export async function writeFileAtomicAsync<T>(file: string, write: (handle: FileHandle) => Promise<T>): Promise<T> {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  removeStaleTemporaries(file);
  const tmp = temporaryPathOf(file);
  const handle = await open(tmp, "w", 0o644);
  try {
    const result = await write(handle);
    await handle.sync();
    await handle.close();
    // Renamed and flushed without holding the event loop: what is written this way is large, written while requests
    // are served, and an fsync on a busy disk can take a long time.
    await rename(tmp, file);
    const directory = await open(dir, "r");
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
    return result;
  } catch (error) {
    await handle.close().catch(() => undefined);
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** Flushes the directory entry so the rename itself survives a crash. */
function syncDirectory(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
