/**
 * Batch line splitter: cuts a byte stream into lines without ever holding more than one line's limit in memory.
 */
import { MAX_TEXT_BYTES } from "./input.ts";

/** Tunables of {@link splitLines}. */
export interface LineSplitOptions {
  /** Longest line kept, in bytes (without its line break); the bytes of a longer line are counted and dropped. */
  maxLineBytes: number;
  /**
   * Longest line skipped before giving up on the input: a line still unterminated after this many bytes ends the
   * split, so an endless line (`/dev/zero` on stdin, a binary file) stops the run instead of spinning forever.
   */
  maxSkipBytes: number;
  /** Bytes kept from the start of an overlong line, so its `"id"` can still be named when it comes first. */
  headBytes: number;
}

/** One input line, numbered from 1 (blank lines keep their number but are the caller's to skip). */
export type InputLine =
  | { kind: "line"; line: number; bytes: Uint8Array }
  | {
      kind: "tooLong";
      line: number;
      /** The first {@link LineSplitOptions.headBytes} bytes of the line. */
      head: Uint8Array;
      /** Bytes of the line seen (all of them, unless `unterminated`). */
      length: number;
      /** The line passed {@link LineSplitOptions.maxSkipBytes}; the split stopped there. */
      unterminated: boolean;
    };

/**
 * A line holds one JSON-encoded text of up to {@link MAX_TEXT_BYTES}, and escaping makes it longer: `"` and `\` and
 * line breaks double, and an ASCII-only encoder (Python's `json.dumps` by default) writes a 3-byte character as 6 bytes
 * and a 4-byte one as 12. Three times the text limit plus 64 KiB for the id and the keys admits any text the extractor
 * would accept; the text's own size is checked again once decoded. 256 MiB without a line break is not JSON Lines.
 */
export const DEFAULT_LINE_SPLIT_OPTIONS: LineSplitOptions = {
  maxLineBytes: 3 * MAX_TEXT_BYTES + 64 * 1024,
  maxSkipBytes: 256 * 1024 * 1024,
  headBytes: 1024,
};

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Yields the lines of `chunks` (split at `\n`, a trailing `\r` dropped, a last line without a break included). Pulls
 * one chunk at a time, so a stream source is paused while the consumer works on a line.
 */
export async function* splitLines(
  chunks: AsyncIterable<Uint8Array>,
  options: Partial<LineSplitOptions> = {},
): AsyncGenerator<InputLine> {
  const o = { ...DEFAULT_LINE_SPLIT_OPTIONS, ...options };
  const current = new LineBuffer(o);
  for await (const chunk of chunks) {
    let start = 0;
    while (start <= chunk.length) {
      const end = chunk.indexOf(NEWLINE, start);
      current.add(chunk.subarray(start, end === -1 ? chunk.length : end));
      if (current.length > o.maxSkipBytes) {
        yield current.take(true);
        return;
      }
      if (end === -1) break;
      yield current.take(false);
      start = end + 1;
    }
  }
  if (current.length > 0) yield current.take(false);
}

/** The line being read: its bytes while within the limit, then only its head and a count. */
class LineBuffer {
  private parts: Uint8Array[] = [];
  private head: Uint8Array | null = null;
  private number = 1;
  length = 0;

  constructor(private readonly o: LineSplitOptions) {}

  add(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.length += bytes.length;
    if (this.head) return;
    this.parts.push(bytes.slice()); // a copy: the source may reuse its chunk
    if (this.length > this.o.maxLineBytes) {
      this.head = Buffer.concat(this.parts).subarray(0, this.o.headBytes);
      this.parts = [];
    }
  }

  take(unterminated: boolean): InputLine {
    const line = this.number++;
    const result: InputLine = this.head
      ? { kind: "tooLong", line, head: this.head, length: this.length, unterminated }
      : { kind: "line", line, bytes: withoutCarriageReturn(Buffer.concat(this.parts, this.length)) };
    this.parts = [];
    this.head = null;
    this.length = 0;
    return result;
  }
}

function withoutCarriageReturn(bytes: Uint8Array): Uint8Array {
  return bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.subarray(0, -1) : bytes;
}
