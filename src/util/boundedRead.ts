/**
 * Bounded file reads: reads a user-named file whole, but never more than a limit plus one byte, and only when it is
 * a regular file — so `/dev/zero`, a FIFO or a huge file is refused at once instead of filling memory.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";

/** Why a bounded read refused a file; the message names the file and says what to do. */
export class BoundedReadError extends Error {
  readonly code: "not_a_file" | "too_large" | "unreadable";

  constructor(code: BoundedReadError["code"], message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "BoundedReadError";
    this.code = code;
  }
}

// Read in slices, so a file that grows while it is read is still cut at the limit.
const SLICE_BYTES = 1 << 20;

/**
 * The bytes of `file` when it is a regular file of at most `maxBytes` bytes; throws a {@link BoundedReadError}
 * otherwise. Opened non-blocking, so a FIFO without a writer does not hang the open.
 */
export function readFileBounded(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw notAFile(file, info);
    if (info.size > maxBytes) throw tooLarge(file, info.size, maxBytes);
    return readUpTo(fd, file, maxBytes);
  } finally {
    closeSync(fd);
  }
}

function readUpTo(fd: number, file: string, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(SLICE_BYTES, maxBytes + 1 - total));
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      throw unreadable(file, error);
    }
    if (read === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > maxBytes) throw tooLarge(file, total, maxBytes, true);
  }
}

function unreadable(file: string, error: unknown): BoundedReadError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  const hint =
    code === "ENOENT" ? "check the path" : code === "EISDIR" ? "give a file, not a folder" : "check its permissions";
  return new BoundedReadError("unreadable", `cannot read ${file} (${code}); ${hint}`, { cause: error });
}

function notAFile(file: string, info: Stats): BoundedReadError {
  const kind = info.isFIFO()
    ? "a FIFO"
    : info.isCharacterDevice() || info.isBlockDevice()
      ? "a device"
      : info.isSocket()
        ? "a socket"
        : info.isDirectory()
          ? "a folder"
          : "not a regular file";
  return new BoundedReadError("not_a_file", `${file} is ${kind}, not a regular file; save the text to a file first`);
}

function tooLarge(file: string, bytes: number, maxBytes: number, atLeast = false): BoundedReadError {
  const size = atLeast ? `more than ${maxBytes}` : String(bytes);
  return new BoundedReadError(
    "too_large",
    `${file} is ${size} bytes; the limit is ${maxBytes} bytes — split it into smaller files`,
  );
}
