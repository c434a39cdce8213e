/**
 * Streaming JSON scanner: reads a large `{ ...: [ ... ] }` file in chunks and hands the elements of chosen arrays
 * over in batches, so files larger than V8's maximum string length (~1 GB) can be read.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";

/** Tunables of {@link streamJsonObject}. */
export interface JsonStreamOptions {
  /** Bytes read per chunk; a batch of array elements is at most about this large. */
  chunkBytes: number;
}

export const DEFAULT_JSON_STREAM_OPTIONS: JsonStreamOptions = { chunkBytes: 16 * 1024 * 1024 };

/** What to do with the top-level members of the object. */
export interface JsonStreamHandlers {
  /** Top-level keys whose array value is streamed in batches to {@link JsonStreamHandlers.batch}. */
  streamed: ReadonlySet<string>;
  /** A batch of consecutive elements of the array under `key` (one empty batch for an empty array). */
  batch: (key: string, elements: unknown[]) => void;
  /** Any other top-level member, parsed whole. */
  member: (key: string, value: unknown) => void;
}

/** A syntax or structure problem, with the character offset where it was found. */
export class JsonStreamError extends Error {
  /** Characters (UTF-16 code units, as JavaScript counts them) from the start of the file. */
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(`${message} at character ${offset}`);
    this.name = "JsonStreamError";
    this.offset = offset;
  }
}

/** Line and column (both from 1) of a character offset in `file`, read again chunk by chunk; null past its end. */
export function lineAndColumn(
  file: string,
  offset: number,
  options: Partial<JsonStreamOptions> = {},
): { line: number; column: number } | null {
  const fd = openSync(file, "r");
  const buffer = Buffer.allocUnsafe({ ...DEFAULT_JSON_STREAM_OPTIONS, ...options }.chunkBytes);
  const decoder = new StringDecoder("utf8");
  let line = 1;
  let lineStart = 0;
  let seen = 0;
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      const text = decoder.write(buffer.subarray(0, n));
      const stop = Math.min(text.length, offset - seen);
      for (let nl = text.indexOf("\n"); nl !== -1 && nl < stop; nl = text.indexOf("\n", nl + 1)) {
        line++;
        lineStart = seen + nl + 1;
      }
      if (offset < seen + text.length) return { line, column: offset - lineStart + 1 };
      seen += text.length;
    }
  } finally {
    closeSync(fd);
  }
  return offset === seen ? { line, column: offset - lineStart + 1 } : null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/**
 * Reads the JSON object in `file`. Written by hand rather than with a streaming JSON library: the libraries
 * tokenise every character in JavaScript and build each value themselves, which is ~5-10x slower than finding
 * element boundaries here (strings are skipped with the native `indexOf`) and parsing each batch with the native
 * `JSON.parse`. Values are still checked by `JSON.parse`, so malformed input is rejected, not guessed at.
 */
export function streamJsonObject(
  file: string,
  handlers: JsonStreamHandlers,
  options: Partial<JsonStreamOptions> = {},
): void {
  const reader = new ChunkReader(file, { ...DEFAULT_JSON_STREAM_OPTIONS, ...options }.chunkBytes);
  try {
    reader.expect(OPEN_BRACE, "the file must hold one JSON object");
    if (reader.peek() === CLOSE_BRACE) return void reader.advance(1);
    for (;;) {
      const key = reader.parseValue();
      if (typeof key !== "string") throw reader.error("expected a property name");
      reader.expect(COLON, `expected ":" after "${key}"`);
      if (handlers.streamed.has(key) && reader.peek() === OPEN_BRACKET) {
        reader.streamArray((elements) => handlers.batch(key, elements));
      } else {
        handlers.member(key, reader.parseValue());
      }
      const next = reader.peek();
      reader.advance(1);
      if (next === CLOSE_BRACE) break;
      if (next !== COMMA) throw reader.error('expected "," or "}"', -1);
    }
    if (reader.peek(true) !== -1) throw reader.error("unexpected content after the object");
  } finally {
    reader.close();
  }
}

/** A window over the file's text: `text[pos..]` is what is left to read; more is appended on demand. */
class ChunkReader {
  #fd: number;
  #buffer: Buffer;
  #decoder = new StringDecoder("utf8");
  #text = "";
  #pos = 0;
  /** Characters dropped from the front of `text` so far, for error offsets. */
  #dropped = 0;
  #eof = false;

  constructor(file: string, chunkBytes: number) {
    this.#fd = openSync(file, "r");
    this.#buffer = Buffer.allocUnsafe(chunkBytes);
  }

  close(): void {
    closeSync(this.#fd);
  }

  error(message: string, delta = 0): JsonStreamError {
    return new JsonStreamError(message, this.#dropped + this.#pos + delta);
  }

  /** Appends the next chunk (dropping what was consumed); false at the end of the file. */
  #more(): boolean {
    if (this.#eof) return false;
    const n = readSync(this.#fd, this.#buffer, 0, this.#buffer.length, null);
    const rest = this.#text.slice(this.#pos);
    this.#dropped += this.#pos;
    this.#pos = 0;
    if (n === 0) {
      this.#eof = true;
      this.#text = rest + this.#decoder.end();
      return this.#text.length > rest.length;
    }
    this.#text = rest + this.#decoder.write(this.#buffer.subarray(0, n));
    return true;
  }

  /** The next non-blank character code (not consumed); -1 at the end when `allowEnd`, else an error. */
  peek(allowEnd = false): number {
    for (;;) {
      while (this.#pos < this.#text.length && isBlank(this.#text.charCodeAt(this.#pos))) this.#pos++;
      if (this.#pos < this.#text.length) return this.#text.charCodeAt(this.#pos);
      if (!this.#more()) {
        if (allowEnd) return -1;
        throw this.error("unexpected end of file");
      }
    }
  }

  advance(n: number): void {
    this.#pos += n;
  }

  expect(code: number, message: string): void {
    if (this.peek() !== code) throw this.error(message);
    this.#pos++;
  }

  /** Parses one whole value (reading more until it is complete). */
  parseValue(): unknown {
    this.peek();
    let end: number;
    while ((end = valueEnd(this.#text, this.#pos, this.#eof)) === -1) {
      if (!this.#more()) throw this.error("unexpected end of file inside a value");
    }
    const value = this.#parse(this.#text.slice(this.#pos, end));
    this.#pos = end;
    return value;
  }

  /** Streams the array starting at `pos`, one batch per chunk of text available. */
  streamArray(onBatch: (elements: unknown[]) => void): void {
    this.#pos++; // "["
    if (this.peek() === CLOSE_BRACKET) {
      onBatch([]);
      return void this.#pos++;
    }
    for (;;) {
      const start = this.#pos;
      let last = -1; // end of the last complete element
      let p = start;
      let closed = false;
      for (;;) {
        const end = valueEnd(this.#text, p, this.#eof);
        if (end === -1) break;
        last = end;
        p = skipBlank(this.#text, end);
        if (p >= this.#text.length) break;
        const c = this.#text.charCodeAt(p);
        if (c === CLOSE_BRACKET) {
          closed = true;
          break;
        }
        if (c !== COMMA) throw new JsonStreamError('expected "," or "]" in an array', this.#dropped + p);
        p = skipBlank(this.#text, p + 1);
        if (p >= this.#text.length) break;
      }
      if (last !== -1) {
        onBatch(this.#parseElements(start, last));
        this.#pos = closed ? p + 1 : last;
        if (closed) return;
        // Consume the separator so the next batch starts on an element.
        if (this.peek() === COMMA) this.#pos++;
        else if (this.peek() === CLOSE_BRACKET) return void this.#pos++;
      }
      if (this.#pos >= this.#text.length || last === -1) {
        if (!this.#more()) throw this.error("unexpected end of file inside an array");
      }
      this.peek();
    }
  }

  /**
   * Parses the elements in `text[start, end)` with one `JSON.parse`; when that fails, parses them one by one so the
   * error points at the element at fault rather than at the start of the batch.
   */
  #parseElements(start: number, end: number): unknown[] {
    try {
      return JSON.parse(`[${this.#text.slice(start, end)}]`) as unknown[];
    } catch (error) {
      let p = start;
      while (p < end) {
        const next = valueEnd(this.#text, p, true);
        try {
          JSON.parse(this.#text.slice(p, next));
        } catch (inner) {
          // V8 says where in the element some errors are ("… at position 44"): point there, else at the element.
          const within = Number(/at position (\d+)/.exec((inner as Error).message)?.[1] ?? 0);
          throw new JsonStreamError((inner as Error).message, this.#dropped + p + within);
        }
        p = skipBlank(this.#text, next);
        if (this.#text.charCodeAt(p) === COMMA) p = skipBlank(this.#text, p + 1);
      }
      // Every element parses alone: the separator after the last one is at fault (e.g. a trailing comma).
      throw new JsonStreamError((error as Error).message, this.#dropped + p);
    }
  }

  #parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw this.error((error as Error).message);
    }
  }
}

/** End (exclusive) of the JSON value starting at `i`, or -1 when `text` stops before it does. */
function valueEnd(text: string, i: number, eof: boolean): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return stringEnd(text, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === QUOTE) {
        const end = stringEnd(text, j);
        if (end === -1) return -1;
        j = end - 1;
      } else if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
      else if ((d === CLOSE_BRACE || d === CLOSE_BRACKET) && --depth === 0) return j + 1;
    }
    return -1;
  }
  // A number, true, false or null: up to the next delimiter (JSON.parse validates it).
  let j = i;
  while (j < text.length && !isDelimiter(text.charCodeAt(j))) j++;
  return j < text.length || eof ? j : -1;
}

/** End (exclusive) of the string whose opening quote is at `i`, or -1 when incomplete. */
function stringEnd(text: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q === -1) return -1;
    let b = q - 1;
    while (text.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q + 1;
    from = q + 1;
  }
}

function skipBlank(text: string, i: number): number {
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COLON || isBlank(c);
}
