/**
 * Line-oriented JSON reader: the fast path for files that list one array element per line (the format
 * {@link serializeGraph} writes), handing the elements over in batches without scanning the text character by character.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { JsonStreamHandlers } from "./jsonStream.ts";

/** Tunables of {@link readJsonLines}. */
export interface JsonLinesOptions {
  /** Bytes read per chunk; a batch of elements is at most about this large. */
  chunkBytes: number;
  /**
   * Most bytes parsed per `JSON.parse` call (whole lines; a longer line is parsed alone). Kept under V8's ~128 KB
   * large-object threshold so each batch's text is a young string that dies in the next scavenge: bigger batches go
   * straight to the old generation, and on a 1.9 GB file that is 1.9 GB of garbage bringing full collections forward.
   */
  batchBytes: number;
  /** Longest line accepted (the chunk grows up to this); a longer one means the file is not in the format. */
  maxLineBytes: number;
  /** Most characters of the lines outside the streamed arrays (the options, the graph's attributes, brackets). */
  maxSkeletonChars: number;
}

export const DEFAULT_JSON_LINES_OPTIONS: JsonLinesOptions = {
  chunkBytes: 16 * 1024 * 1024,
  batchBytes: 48 * 1024,
  maxLineBytes: 256 * 1024 * 1024,
  maxSkeletonChars: 16 * 1024 * 1024,
};

/**
 * The file is not in the line format, or not valid JSON. Nothing is said about where: the caller reads the file
 * again with the general streaming parser, which either loads it or reports the exact position of the problem.
 */
export class NotLineFormatError extends Error {
  constructor(reason: string) {
    super(`not one element per line: ${reason}`);
    this.name = "NotLineFormatError";
  }
}

const NEWLINE = 0x0a;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/** A line ending in `"key": [` opens a streamed array whose elements follow, one per line. */
const OPENS_ARRAY = /"((?:[^"\\]|\\.)*)"\s*:\s*\[\s*$/;

/**
 * Reads a JSON object laid out as
 * ```
 * {"options":{...},"attributes":{...},"nodes":[
 * {...one node...},
 * {...one node...}
 * ],"edges":[
 * {...one edge...}
 * ]}
 * ```
 * Every run of element lines is parsed with one native `JSON.parse` call, so the only JavaScript work per line is none
 * at all: arrays end at the first line starting with `]` (a raw newline cannot occur inside a JSON string, so line
 * starts are always between tokens). A batch that does not parse means the file is not in this format or is broken:
 * {@link NotLineFormatError} is thrown, possibly after some batches were handed over, so the caller must start afresh.
 * Errors thrown by the handlers propagate unchanged.
 */
export function readJsonLines(
  file: string,
  handlers: JsonStreamHandlers,
  options: Partial<JsonLinesOptions> = {},
): void {
  const opts = { ...DEFAULT_JSON_LINES_OPTIONS, ...options };
  const chunks = new LineChunks(file, opts.chunkBytes, opts.maxLineBytes);
  const state = new LayoutState(handlers, opts.maxSkeletonChars, opts.batchBytes);
  try {
    for (let lines = chunks.next(); lines !== null; lines = chunks.next()) state.consume(lines);
  } finally {
    chunks.close();
  }
  state.finish();
}

/** Whole lines `buffer[start, end)`; `buffer[start - 1]` may be overwritten (see {@link LineChunks}). */
interface Lines {
  buffer: Buffer;
  start: number;
  end: number;
}

/** Where the reader is: in the skeleton (outside the streamed arrays) or inside the array under `key`. */
class LayoutState {
  #handlers: JsonStreamHandlers;
  #maxSkeletonChars: number;
  #skeleton: string[] = [];
  #skeletonChars = 0;
  #started = false;
  /** The streamed array being read, or null in the skeleton. */
  #key: string | null = null;
  #streamedKeys = new Set<string>();
  /** Elements seen in the current array, and whether the last one was followed by a comma. */
  #sawElement = false;
  #trailingComma = false;

  #batchBytes: number;

  constructor(handlers: JsonStreamHandlers, maxSkeletonChars: number, batchBytes: number) {
    this.#handlers = handlers;
    this.#maxSkeletonChars = maxSkeletonChars;
    this.#batchBytes = batchBytes;
  }

  /** Takes whole lines (they end with a newline, except at the end of the file). */
  consume({ buffer, start, end }: Lines): void {
    let p = start;
    if (!this.#started) {
      this.#started = true;
      if (buffer[p] === 0xef && buffer[p + 1] === 0xbb && buffer[p + 2] === 0xbf) p += 3; // BOM
      const first = lineAt(buffer, p, end);
      if (!first.line.trimStart().startsWith("{")) {
        throw new NotLineFormatError("the first line does not open an object");
      }
      p = this.#skeletonLine(first.line, first.next);
      if (this.#key === null) throw new NotLineFormatError("the first line does not open the nodes or edges list");
    }
    while (p < end) {
      if (this.#key !== null && buffer[p] !== CLOSE_BRACKET) {
        // Every line up to the one starting with "]" (or to the end of the chunk) is an element.
        const close = buffer.indexOf("\n]", p);
        const stop = close === -1 || close + 1 > end ? end : close + 1;
        for (let from = p; from < stop;) {
          const to = batchEnd(buffer, from, stop, this.#batchBytes);
          this.#elements(buffer, from, to);
          from = to;
        }
        p = stop;
      } else {
        const { line, next } = lineAt(buffer, p, end);
        if (this.#key !== null) this.#closeArray();
        p = this.#skeletonLine(line, next);
      }
    }
  }

  /** Checks that the skeleton is one JSON object and hands its other members over. */
  finish(): void {
    if (!this.#started) throw new NotLineFormatError("the file is empty");
    if (this.#key !== null) throw new NotLineFormatError(`the "${this.#key}" list is not closed`);
    let skeleton: unknown;
    try {
      skeleton = JSON.parse(this.#skeleton.join("\n"));
    } catch (error) {
      throw new NotLineFormatError(`the lines around the lists are not JSON (${(error as Error).message})`);
    }
    if (!skeleton || typeof skeleton !== "object" || Array.isArray(skeleton)) {
      throw new NotLineFormatError("the file does not hold one JSON object");
    }
    for (const [key, value] of Object.entries(skeleton)) {
      if (!this.#streamedKeys.has(key)) this.#handlers.member(key, value);
    }
  }

  /** Records a line of the skeleton; returns where the next line starts. */
  #skeletonLine(line: string, next: number): number {
    this.#skeletonChars += line.length + 1;
    if (this.#skeletonChars > this.#maxSkeletonChars) {
      throw new NotLineFormatError(`more than ${this.#maxSkeletonChars} characters outside the lists`);
    }
    this.#skeleton.push(line);
    const opened = OPENS_ARRAY.exec(line);
    if (opened) {
      const key = JSON.parse(`"${opened[1]}"`) as string;
      if (!this.#handlers.streamed.has(key) || this.#streamedKeys.has(key)) {
        throw new NotLineFormatError(`a line opens the "${key}" list, which is not streamed (or is streamed twice)`);
      }
      this.#key = key;
      this.#streamedKeys.add(key);
      this.#sawElement = false;
      this.#trailingComma = false;
    }
    return next;
  }

  #closeArray(): void {
    if (this.#trailingComma) throw new NotLineFormatError(`a comma follows the last element of "${this.#key}"`);
    if (!this.#sawElement) this.#handlers.batch(this.#key!, []);
    this.#key = null;
  }

  /**
   * Parses the element lines `buffer[start, end)` with one `JSON.parse` and hands them over. The brackets that make
   * them one JSON array are written into the buffer itself, over the newline before the first line and the comma
   * (or blank) after the last, so the text is decoded straight into the one string `JSON.parse` reads: on a 1.9 GB
   * file that saves copying it twice more (slice, then concatenation), garbage that brings full collections forward.
   */
  #elements(buffer: Buffer, start: number, end: number): void {
    let last = end - 1;
    while (last >= start && buffer[last] <= 0x20) last--;
    if (last < start) return;
    if (this.#sawElement && !this.#trailingComma) throw new NotLineFormatError("two elements without a comma");
    this.#trailingComma = buffer[last] === COMMA;
    const close = this.#trailingComma ? last : last + 1;
    if (close >= end) throw new NotLineFormatError(`the file ends inside the "${this.#key}" list`);
    buffer[start - 1] = OPEN_BRACKET;
    buffer[close] = CLOSE_BRACKET;
    let elements: unknown[];
    try {
      elements = JSON.parse(buffer.toString("utf8", start - 1, close + 1)) as unknown[];
    } catch (error) {
      throw new NotLineFormatError(`a run of element lines is not JSON (${(error as Error).message})`);
    }
    this.#sawElement = true;
    this.#handlers.batch(this.#key!, elements);
  }
}

/** End of the batch of whole lines starting at `from`: about `batchBytes` long, one line when that is longer. */
function batchEnd(buffer: Buffer, from: number, stop: number, batchBytes: number): number {
  if (from + batchBytes >= stop) return stop;
  const back = buffer.lastIndexOf(NEWLINE, from + batchBytes);
  const cut = back >= from ? back + 1 : buffer.indexOf(NEWLINE, from + batchBytes) + 1;
  return cut > from && cut < stop ? cut : stop;
}

/** The line starting at `p` (decoded, without its newline or trailing blanks) and where the next one starts. */
function lineAt(buffer: Buffer, p: number, end: number): { line: string; next: number } {
  const nl = buffer.indexOf(NEWLINE, p);
  const lineEnd = nl === -1 || nl >= end ? end : nl;
  return { line: buffer.toString("utf8", p, lineEnd).trimEnd(), next: lineEnd === end ? end : lineEnd + 1 };
}

/**
 * The file as runs of whole lines, read into one reused buffer. Cutting bytes at a newline is safe in UTF-8 (no
 * multi-byte character contains the byte 0x0a), so each run is decoded on its own, natively. Byte 0 of the buffer is
 * never data, so the byte before any run can be overwritten by the reader.
 */
class LineChunks {
  #fd: number;
  #buffer: Buffer;
  #maxLineBytes: number;
  /** `buffer[1, filled)` holds bytes read; `[consumed, filled)` were not handed over yet. */
  #filled = 1;
  #consumed = 1;
  #eof = false;

  constructor(file: string, chunkBytes: number, maxLineBytes: number) {
    this.#fd = openSync(file, "r");
    this.#buffer = Buffer.allocUnsafe(Math.max(1, chunkBytes) + 1);
    this.#maxLineBytes = maxLineBytes;
  }

  close(): void {
    closeSync(this.#fd);
  }

  /** The next run of whole lines, or null at the end of the file. */
  next(): Lines | null {
    if (this.#consumed > 1) {
      this.#buffer.copy(this.#buffer, 1, this.#consumed, this.#filled);
      this.#filled -= this.#consumed - 1;
      this.#consumed = 1;
    }
    while (!this.#eof) {
      if (this.#filled === this.#buffer.length) this.#grow();
      const n = readSync(this.#fd, this.#buffer, this.#filled, this.#buffer.length - this.#filled, null);
      this.#filled += n;
      if (n === 0) {
        this.#eof = true;
        break;
      }
      const nl = this.#buffer.lastIndexOf(NEWLINE, this.#filled - 1);
      if (nl >= 1) return this.#handOver(nl + 1);
    }
    return this.#filled > 1 ? this.#handOver(this.#filled) : null;
  }

  #handOver(end: number): Lines {
    this.#consumed = end;
    return { buffer: this.#buffer, start: 1, end };
  }

  #grow(): void {
    if (this.#buffer.length - 1 >= this.#maxLineBytes) {
      throw new NotLineFormatError(`a line is longer than ${this.#maxLineBytes} bytes`);
    }
    const bigger = Buffer.allocUnsafe(Math.min(this.#maxLineBytes, (this.#buffer.length - 1) * 2) + 1);
    this.#buffer.copy(bigger, 0, 0, this.#filled);
    this.#buffer = bigger;
  }
}
