/**
 * Batch input: the documents of a folder or of a JSON Lines stream, one item per document, each either a document
 * to add, a file left out on purpose, or a refusal naming its file or line.
 */
import { lstatSync, readdirSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { splitLines, type InputLine } from "../extract/batchLines.ts";
import { BoundedReadError, readFileBounded } from "../util/boundedRead.ts";
import { decodeDocumentBytes, MAX_DOCUMENT_BYTES, titleFromText } from "./documentInput.ts";
import { IngestError, type DocumentInput } from "./types.ts";

/** Where a document came from: a file of the folder, or a line (from 1) of the JSON Lines with its optional id. */
export type BatchSource = { file: string } | { line: number; id?: string | number };

/** One document of the input: to add, left out (`skipped`, not a failure), or refused (`error`). */
export type BatchItem = BatchSource & ({ input: DocumentInput } | { skipped: string } | { error: string });

/** Extensions of the plain-text files a folder ingest reads. */
const TEXT_EXTENSIONS = new Set([".txt", ".md"]);
/** Extensions of web pages, reported as left out: turning HTML into an article's text is not built yet. */
const HTML_EXTENSIONS = new Set([".html", ".htm"]);

/**
 * Every `.txt` and `.md` file under `folder` (sub-folders included, in name order; hidden entries and other
 * extensions ignored), read when iterated. `.html` files, devices, FIFOs and sockets are reported as skipped;
 * unreadable, oversized or non-UTF-8 files as errors.
 */
export function* folderDocuments(folder: string): Generator<BatchItem> {
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch (error) {
    yield {
      file: folder,
      error: `cannot read the folder ${folder} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    };
    return;
  }
  for (const name of names) {
    if (name.startsWith(".")) continue;
    const file = path.join(folder, name);
    let info: Stats;
    try {
      info = lstatSync(file);
      // A link is followed to a file, never to a folder (a link to a parent would loop).
      if (info.isSymbolicLink()) info = statSync(file);
      else if (info.isDirectory()) {
        yield* folderDocuments(file);
        continue;
      }
    } catch (error) {
      yield { file, error: `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})` };
      continue;
    }
    const item = folderEntry(file, info);
    if (item) yield item;
  }
}

function folderEntry(file: string, info: Stats): BatchItem | null {
  const extension = path.extname(file).toLowerCase();
  if (info.isDirectory()) return null;
  if (!info.isFile()) return { file, skipped: `${file} is a ${kindOf(info)}, not a file; only regular files are read` };
  if (HTML_EXTENSIONS.has(extension))
    return { file, skipped: `${file} is HTML, which is not supported yet; save the article as .txt` };
  if (!TEXT_EXTENSIONS.has(extension)) return null;
  try {
    const text = decodeDocumentBytes(readFileBounded(file, MAX_DOCUMENT_BYTES), file);
    // A Markdown file's first line is usually its heading: the title is the heading's words.
    const title = titleFromText(text, path.basename(file)).replace(extension === ".md" ? /^#+\s*/ : /^$/, "");
    return { file, input: { title: title || path.basename(file), text } };
  } catch (error) {
    if (error instanceof BoundedReadError || error instanceof IngestError) return { file, error: error.message };
    throw error;
  }
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return "FIFO";
  if (info.isSocket()) return "socket";
  return "device";
}

/** Longest JSON Lines line: a text at the limit, JSON-escaped (up to three times longer), plus the other fields. */
const MAX_LINE_BYTES = 3 * MAX_DOCUMENT_BYTES + 64 * 1024;
const BLANK_BYTES = new Set([0x20, 0x09, 0x0d]);
const EXPECTED = 'write one {"title": ..., "text": ...} object per line';
/** Decodes each line (no state is kept between whole-input `decode` calls); throws on bytes that are not UTF-8. */
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The documents of a JSON Lines byte stream, one `{"id"?, "title"?, "text", "date"?, "author"?, "outlet"?, "url"?}`
 * object per line (the title defaults to the text's first line; `url` is the article's address, kept as metadata).
 * Reads a line only when the previous item has been taken; blank lines yield nothing. The fields are checked by the
 * writer, which names the bad one.
 */
export async function* jsonLinesDocuments(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<BatchItem> {
  for await (const line of splitLines(chunks, { maxLineBytes: MAX_LINE_BYTES })) {
    const item = jsonLine(line);
    if (item) yield item;
  }
}

function jsonLine(input: InputLine): BatchItem | null {
  const line = input.line;
  if (input.kind === "tooLong")
    return {
      line,
      error: input.unterminated
        ? `the line is still going after ${input.length} bytes without a line break, so reading stopped; is the input JSON Lines?`
        : `the line is ${input.length} bytes; the limit is ${MAX_LINE_BYTES} bytes — split the document`,
    };
  if (input.bytes.every((b) => BLANK_BYTES.has(b))) return null;
  let value: unknown;
  try {
    value = JSON.parse(UTF8.decode(input.bytes));
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "not UTF-8";
    return { line, error: `the line is not JSON (${reason}); ${EXPECTED}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { line, error: `the line is not a JSON object; ${EXPECTED}` };
  return jsonDocument(line, value as Record<string, unknown>);
}

function jsonDocument(line: number, value: Record<string, unknown>): BatchItem {
  const { id, text, html, title, ...fields } = value;
  if (id !== undefined && typeof id !== "string" && typeof id !== "number")
    return { line, error: `"id" must be a string or a number; ${EXPECTED}` };
  const at = id === undefined ? { line } : { line, id };
  if (html !== undefined)
    return { ...at, error: `"html" is not supported yet; give the article's plain text as "text"` };
  if (typeof text !== "string")
    return {
      ...at,
      error:
        text === undefined && typeof fields.url === "string"
          ? `fetching "url" is not supported yet; give the article's text as "text" (the url is then kept as metadata)`
          : `"text" ${text === undefined ? "is missing" : "must be a string"}; ${EXPECTED}`,
    };
  if (title !== undefined && typeof title !== "string") return { ...at, error: `"title" must be a string` };
  return { ...at, input: { ...fields, title: title ?? titleFromText(text, `line ${line}`), text } as DocumentInput };
}
