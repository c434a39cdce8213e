/**
 * Batch extraction: JSON Lines of `{"id", "text"}` in, one extraction (or one error) per line out, in input order.
 */
import { splitLines, DEFAULT_LINE_SPLIT_OPTIONS, type InputLine, type LineSplitOptions } from "./batchLines.ts";
import { extractDocument } from "./extract.ts";
import { checkText, MAX_TEXT_BYTES } from "./input.ts";
import type { ExtractContext, Extraction } from "./types.ts";

/** Tunables of {@link extractJsonLines}: the line limits of the splitter and the size limit of each text. */
export interface BatchOptions extends LineSplitOptions {
  /** Largest text accepted, in bytes of UTF-8 once decoded from its JSON string (as for a single file). */
  maxTextBytes: number;
}

/** The splitter's defaults and the single-file text limit. */
export const DEFAULT_BATCH_OPTIONS: BatchOptions = { ...DEFAULT_LINE_SPLIT_OPTIONS, maxTextBytes: MAX_TEXT_BYTES };

/** An input document's id: what the line gave, echoed on its output line. */
export type BatchId = string | number;

/** A line that could not be used; `id` is null when it could not be read, `line` is the 1-based input line. */
export interface BatchError {
  id: BatchId | null;
  error: string;
  line: number;
}

/** One output line: the document's extraction with its id first, or a {@link BatchError}. */
export type BatchResult = ({ id: BatchId } & Extraction) | BatchError;

/** True when `result` is a refused line. */
export function isBatchError(result: BatchResult): result is BatchError {
  return "error" in result;
}

const EXPECTED = 'write one {"id": ..., "text": ...} object per line';
const BLANK_BYTES = new Set([0x20, 0x09, 0x0d]);
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** `{"id": <string or number>,` at the start of a line: how an overlong line can still be named. */
const LEADING_ID = /^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*[,}]/;

/**
 * Extracts every document of a JSON Lines byte stream against one `context` (loaded once by the caller), yielding one
 * result per non-blank line in input order. Reads a line only when the previous result has been taken, so memory holds
 * one line (at most `maxLineBytes`) however long the input; blank lines yield nothing.
 */
export async function* extractJsonLines(
  chunks: AsyncIterable<Uint8Array>,
  context: ExtractContext,
  options: Partial<BatchOptions> = {},
): AsyncGenerator<BatchResult> {
  const o = { ...DEFAULT_BATCH_OPTIONS, ...options };
  for await (const input of splitLines(chunks, o)) {
    const result = extractLine(input, context, o);
    if (result) yield result;
  }
}

/** The result for one input line, or null for a blank line. Never throws: a failure is a {@link BatchError}. */
export function extractLine(
  input: InputLine,
  context: ExtractContext,
  options: Partial<BatchOptions> = {},
): BatchResult | null {
  const o = { ...DEFAULT_BATCH_OPTIONS, ...options };
  if (input.kind === "tooLong") return tooLong(input, o);
  if (input.bytes.every((b) => BLANK_BYTES.has(b))) return null;
  const doc = readDocument(input.bytes, input.line, o);
  if ("error" in doc) return doc;
  try {
    return { id: doc.id, ...extractDocument(doc.text, context) };
  } catch (error) {
    const reason = (error as Error).message;
    return refuse(doc.id, input.line, `extraction failed (${reason}); report this document to the maintainers`);
  }
}

/** Decodes and checks one line: UTF-8, a JSON object, a usable id and a usable text, in that order. */
function readDocument(bytes: Uint8Array, line: number, o: BatchOptions): { id: BatchId; text: string } | BatchError {
  const decoded = checkText(bytes, o.maxLineBytes);
  if (!decoded.ok) return refuse(null, line, `cannot read the line: ${decoded.message}`);
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (error) {
    return refuse(null, line, `the line is not JSON (${(error as Error).message}); ${EXPECTED}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return refuse(null, line, `the line is ${describe(value)}, not an object; ${EXPECTED}`);
  const { id, text } = value as { id?: unknown; text?: unknown };
  if (typeof id !== "string" && typeof id !== "number")
    return refuse(
      null,
      line,
      `"id" ${id === undefined ? "is missing" : `is ${describe(id)}`}; give each line a string or number id`,
    );
  if (typeof text !== "string")
    return refuse(
      id,
      line,
      `"text" ${text === undefined ? "is missing" : `is ${describe(text)}`}; give the document's text as a JSON string`,
    );
  if (UNPAIRED_SURROGATE.test(text))
    return refuse(
      id,
      line,
      '"text" has an unpaired surrogate escape (\\uD800-\\uDFFF), so it is not Unicode text; fix what wrote it',
    );
  const checked = checkText(Buffer.from(text, "utf8"), o.maxTextBytes);
  return checked.ok ? { id, text: checked.text } : refuse(id, line, checked.message);
}

/** The error for a line over the limit, named by its id when the line starts with one. */
function tooLong(input: Extract<InputLine, { kind: "tooLong" }>, o: BatchOptions): BatchError {
  const id = leadingId(input.head);
  const message = input.unterminated
    ? `the line is still going after ${input.length} bytes without a line break, so reading stopped here; ` +
      'is the input JSON Lines (one {"id": ..., "text": ...} object per line)?'
    : `the line is ${input.length} bytes; the limit is ${o.maxLineBytes} bytes (and ${o.maxTextBytes} bytes of text) — ` +
      "split the document into smaller ones";
  return refuse(id, input.line, message);
}

function leadingId(head: Uint8Array): BatchId | null {
  const match = LEADING_ID.exec(new TextDecoder().decode(head));
  try {
    return match ? (JSON.parse(match[1]) as BatchId) : null;
  } catch {
    return null; // a string with a raw control character: the line's id is as unreadable as the rest
  }
}

function refuse(id: BatchId | null, line: number, error: string): BatchError {
  return { id, error, line };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
