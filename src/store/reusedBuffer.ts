/**
 * Reused write buffer: text encoded as UTF-8 into one buffer allocated once and written to a file handle whenever it
 * fills, so that writing a large file piece by piece allocates neither a string nor a buffer per chunk.
 */
import type { FileHandle } from "node:fs/promises";

/** UTF-8 takes at most three bytes per UTF-16 code unit (four for a surrogate pair, which is two units). */
const MAX_BYTES_PER_UNIT = 3;

/** A buffer in front of `handle`: {@link put} the pieces that {@link fits} says fit, {@link write} the others. */
export class ReusedBuffer {
  readonly #handle: FileHandle;
  readonly #buffer: Buffer;
  #used = 0;
  /** Bytes handed to the file so far. */
  written = 0;

  constructor(handle: FileHandle, bytes: number) {
    this.#handle = handle;
    this.#buffer = Buffer.allocUnsafeSlow(bytes);
  }

  /** Whether `text` can be {@link put} without writing first (a bound: it may fit when this says no). */
  fits(text: string): boolean {
    return this.#used + text.length * MAX_BYTES_PER_UNIT <= this.#buffer.length;
  }

  /** Encodes `text` after what the buffer holds; only when {@link fits} said yes. */
  put(text: string): void {
    this.#used += this.#buffer.write(text, this.#used, "utf8");
  }

  /** Adds `text`, writing the buffer first when it is too full, and `text` on its own when larger than the buffer. */
  async write(text: string): Promise<void> {
    if (this.fits(text)) return this.put(text);
    await this.flush();
    if (this.fits(text)) return this.put(text);
    await this.#writeAll(Buffer.from(text, "utf8"));
  }

  /** Writes what the buffer holds; it is empty and reusable once this resolves. */
  async flush(): Promise<void> {
    if (this.#used === 0) return;
    await this.#writeAll(this.#buffer.subarray(0, this.#used));
    this.#used = 0;
  }

  async #writeAll(bytes: Buffer): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await this.#handle.write(bytes, offset, bytes.length - offset);
      offset += bytesWritten;
    }
    this.written += bytes.length;
  }
}
