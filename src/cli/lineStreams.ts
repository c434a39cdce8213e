/**
 * Line streams for batch commands: a JSON Lines input (a file, a FIFO or standard input) and an output that waits
 * for a slow reader instead of buffering everything.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Writable } from "node:stream";
import type { CommandIO } from "./types.ts";

/** Tunables of {@link openLineInput}. */
export interface LineInputOptions {
  /** Bytes read at a time from a file or FIFO. */
  chunkBytes: number;
}

/** 1 MiB reads: few system calls per document, little memory. */
export const DEFAULT_LINE_INPUT_OPTIONS: LineInputOptions = { chunkBytes: 1024 * 1024 };

/**
 * The bytes of `file` (`-` for standard input), checked now and read when iterated: regular files, FIFOs and sockets
 * are read as they come; a folder or a device (`/dev/zero`, a terminal) is refused with what to give instead. The file
 * is opened on the first read (so a FIFO without a writer blocks nothing until then) and closed when iteration ends.
 */
export async function openLineInput(
  file: string,
  options: Partial<LineInputOptions> = {},
): Promise<AsyncIterable<Uint8Array>> {
  const o = { ...DEFAULT_LINE_INPUT_OPTIONS, ...options };
  if (file === "-") return process.stdin;
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === "ENOENT" ? "check the path" : "check its permissions";
    throw new Error(`cannot read ${file} (${code ?? (error as Error).message}); ${hint}`, { cause: error });
  }
  if (info.isDirectory()) throw new Error(`${file} is a folder; give a JSON Lines file, or - for standard input`);
  if (!info.isFile() && !info.isFIFO() && !info.isSocket())
    throw new Error(`${file} is a device, not a file; give a JSON Lines file, or pipe the data in with --jsonl -`);
  return readLazily(file, o.chunkBytes);
}

async function* readLazily(file: string, chunkBytes: number): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(file, { highWaterMark: chunkBytes });
  try {
    yield* stream;
  } finally {
    stream.destroy();
  }
}

/**
 * Writes lines through `io.out` and, after each, waits while `stream` (the process's standard output, where the CLI's
 * `io.out` writes) has a full buffer, so a slow reader slows the producer down. `CommandIO` carries no stream, hence
 * the second argument; under tests `io.out` captures and `stream` never fills because of it. Throws once the stream
 * has failed (the reader went away), so the run stops instead of producing for nobody.
 */
export function lineOutput(io: CommandIO, stream: Writable = process.stdout) {
  let failure: Error | null = null;
  const onError = (error: Error) => (failure = error);
  stream.on("error", onError);
  const check = () => {
    if (failure || stream.destroyed)
      throw new Error(`cannot write the output (${failure?.message ?? "closed"}); the reader went away, so stopped`);
  };
  return {
    /** Writes one line, then waits for the output to drain if it is full. */
    async write(line: string): Promise<void> {
      check();
      io.out(line);
      if (stream.writableNeedDrain && !stream.destroyed) await drained(stream);
      check();
    },
    /** Stops watching the stream; call once done. */
    close(): void {
      stream.off("error", onError);
    },
  };
}

/** Resolves on 'drain', or when the stream closes or fails (the caller checks which). */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done).off("close", done).off("error", done);
      resolve();
    };
    stream.on("drain", done).on("close", done).on("error", done);
  });
}
