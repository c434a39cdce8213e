/**
 * Line-oriented JSON reader: the fast path for files that list one array element per line (the layout
 * {@link serializeGraph} writes), handing the elements over in batches without scanning the text character by character.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { JsonStreamHandlers } from "./jsonStream.ts";

/** Tunables of {@link readJsonLines}. */
export interface JsonLinesOptions {
  /** Bytes read per chunk; a batch of elements is at most about this large. */
  chunkBytes: number;
  /** Longest line accepted (the chunk grows up to this); a longer one means the file is not in the layout. */
  maxLineBytes: number;
  /** Most characters of the lines outside the streamed arrays (the options, the graph's attributes, brackets). */
  maxSkeletonChars: number;
}

export const DEFAULT_JSON_LINES_OPTIONS: JsonLinesOptions = {
  chunkBytes: 32 * 1024 * 1024,
  maxLineBytes: 256 * 1024 * 1024,
  maxSkeletonChars: 16 * 1024 * 1024,
};

/**
 * The file is not in the line layout, or not valid JSON. Nothing is said about where: the caller reads the file
 * again with the general streaming parser, which either loads it or reports the exact position of the problem.
 */
export class NotLineLayoutError extends Error {
  constructor(reason: string) {
    super(`not one element per line: ${reason}`);
    this.name = "NotLineLayoutError";
  }
}

const NEWLINE = 0x0a;
const COMMA = 0x2c;
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
 * starts are always between tokens). A batch that does not parse means the file is not in this layout or is broken:
 * {@link NotLineLayoutError} is thrown, possibly after some batches were handed over, so the caller must start afresh.
 * Errors thrown by the handlers propagate unchanged.
 */
export function readJsonLines(
  file: string,
  handlers: JsonStreamHandlers,
  options: Partial<JsonLinesOptions> = {},
): void {
  const opts = { ...DEFAULT_JSON_LINES_OPTIONS, ...options };
  const chunks = new LineChunks(file, opts.chunkBytes, opts.maxLineBytes);
  const state = new LayoutState(handlers, opts.maxSkeletonChars);
  try {
    for (let text = chunks.next(); text !== null; text = chunks.next()) state.consume(text);
  } finally {
    chunks.close();
  }
  state.finish();
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

  constructor(handlers: JsonStreamHandlers, maxSkeletonChars: number) {
    this.#handlers = handlers;
    this.#maxSkeletonChars = maxSkeletonChars;
  }

  /** Takes whole lines (`text` ends with a newline, except at the end of the file). */
  consume(text: string): void {
    let p = 0;
    if (!this.#started) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) p = 1;
      const first = lineAt(text, p);
      if (!first.line.trimStart().startsWith("{"))
        throw new NotLineLayoutError("the first line does not open an object");
      p = this.#skeletonLine(first.line, first.next);
      if (this.#key === null) throw new NotLineLayoutError("the first line does not open the nodes or edges list");
    }
    while (p < text.length) {
      if (this.#key !== null && text.charCodeAt(p) !== CLOSE_BRACKET) {
        // Every line up to the one starting with "]" (or to the end of the chunk) is an element.
        const close = text.indexOf("\n]", p);
        const end = close === -1 ? text.length : close + 1;
        this.#elements(text, p, end);
        p = end;
      } else {
        const { line, next } = lineAt(text, p);
        if (this.#key !== null) this.#closeArray();
        p = this.#skeletonLine(line, next);
      }
    }
  }

  /** Checks that the skeleton is one JSON object and hands its other members over. */
  finish(): void {
    if (!this.#started) throw new NotLineLayoutError("the file is empty");
    if (this.#key !== null) throw new NotLineLayoutError(`the "${this.#key}" list is not closed`);
    let skeleton: unknown;
    try {
      skeleton = JSON.parse(this.#skeleton.join("\n"));
    } catch (error) {
      throw new NotLineLayoutError(`the lines around the lists are not JSON (${(error as Error).message})`);
    }
    if (!skeleton || typeof skeleton !== "object" || Array.isArray(skeleton)) {
      throw new NotLineLayoutError("the file does not hold one JSON object");
    }
    for (const [key, value] of Object.entries(skeleton)) {
      if (!this.#streamedKeys.has(key)) this.#handlers.member(key, value);
    }
  }

  /** Records a line of the skeleton; returns where the next line starts. */
  #skeletonLine(line: string, next: number): number {
    this.#skeletonChars += line.length + 1;
    if (this.#skeletonChars > this.#maxSkeletonChars) {
      throw new NotLineLayoutError(`more than ${this.#maxSkeletonChars} characters outside the lists`);
    }
    this.#skeleton.push(line);
    const opened = OPENS_ARRAY.exec(line);
    if (opened) {
      const key = JSON.parse(`"${opened[1]}"`) as string;
      if (!this.#handlers.streamed.has(key) || this.#streamedKeys.has(key)) {
        throw new NotLineLayoutError(`a line opens the "${key}" list, which is not streamed (or is streamed twice)`);
      }
      this.#key = key;
      this.#streamedKeys.add(key);
      this.#sawElement = false;
      this.#trailingComma = false;
    }
    return next;
  }

  #closeArray(): void {
    if (this.#trailingComma) throw new NotLineLayoutError(`a comma follows the last element of "${this.#key}"`);
    if (!this.#sawElement) this.#handlers.batch(this.#key!, []);
    this.#key = null;
  }

  /** Parses the element lines `text[start, end)` in one call and hands them over. */
  #elements(text: string, start: number, end: number): void {
    let last = end - 1;
    while (last >= start && text.charCodeAt(last) <= 0x20) last--;
    if (last < start) return;
    if (this.#sawElement && !this.#trailingComma) throw new NotLineLayoutError("two elements without a comma");
    this.#trailingComma = text.charCodeAt(last) === COMMA;
    let elements: unknown[];
    try {
      elements = JSON.parse(`[${text.slice(start, this.#trailingComma ? last : last + 1)}]`) as unknown[];
    } catch (error) {
      throw new NotLineLayoutError(`a run of element lines is not JSON (${(error as Error).message})`);
    }
    this.#sawElement = true;
    this.#handlers.batch(this.#key!, elements);
  }
}

/** The line starting at `p` (without its newline) and where the next one starts. */
function lineAt(text: string, p: number): { line: string; next: number } {
  const nl = text.indexOf("\n", p);
  const end = nl === -1 ? text.length : nl;
  return { line: text.slice(p, end).trimEnd(), next: nl === -1 ? text.length : nl + 1 };
}

/**
 * The file as a sequence of texts made of whole lines. Cutting bytes at a newline is safe in UTF-8 (no multi-byte
 * character contains the byte 0x0a), so each chunk is decoded on its own, natively.
 */
class LineChunks {
  #fd: number;
  #buffer: Buffer;
  #maxLineBytes: number;
  /** Bytes at the front of the buffer left over from the last read (a line not yet complete). */
  #carry = 0;
  #eof = false;

  constructor(file: string, chunkBytes: number, maxLineBytes: number) {
    this.#fd = openSync(file, "r");
    this.#buffer = Buffer.allocUnsafe(Math.max(1, chunkBytes));
    this.#maxLineBytes = maxLineBytes;
  }

  close(): void {
    closeSync(this.#fd);
  }

  /** The next run of whole lines, or null at the end of the file. */
  next(): string | null {
    for (;;) {
      if (this.#eof) return null;
      const n = readSync(this.#fd, this.#buffer, this.#carry, this.#buffer.length - this.#carry, null);
      const filled = this.#carry + n;
      if (n === 0) {
        this.#eof = true;
        return filled > 0 ? this.#take(filled, filled) : null;
      }
      const nl = this.#buffer.lastIndexOf(NEWLINE, filled - 1);
      if (nl !== -1) return this.#take(nl + 1, filled);
      this.#carry = filled;
      if (filled === this.#buffer.length) this.#grow();
    }
  }

  /** Decodes `buffer[0, end)` and keeps `buffer[end, filled)` for the next call. */
  #take(end: number, filled: number): string {
    const text = this.#buffer.toString("utf8", 0, end);
    this.#buffer.copy(this.#buffer, 0, end, filled);
    this.#carry = filled - end;
    return text;
  }

  #grow(): void {
    if (this.#buffer.length >= this.#maxLineBytes) {
      throw new NotLineLayoutError(`a line is longer than ${this.#maxLineBytes} bytes`);
    }
    const bigger = Buffer.allocUnsafe(Math.min(this.#maxLineBytes, this.#buffer.length * 2));
    this.#buffer.copy(bigger, 0, 0, this.#carry);
    this.#buffer = bigger;
  }
}
