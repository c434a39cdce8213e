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
import { decodePage } from "./web/decodePage.ts";
import { fetchArticle } from "./web/fetchArticle.ts";
import { FetchError } from "./web/fetchError.ts";
import { DEFAULT_FETCH_OPTIONS, type FetchOptions } from "./web/fetchOptions.ts";
import { articleFromHtml, type DocumentFields, type PageFields } from "./web/pageArticle.ts";

/**
 * Where a document came from: a file of the folder, a line (from 1) of the JSON Lines with its optional id, or the
 * URL it was fetched from (given on the command line or linked from a feed).
 */
export type BatchSource = { file: string } | { line: number; id?: string | number } | { url: string };

/** One document of the input: to add, left out (`skipped`, not a failure), or refused (`error`). */
export type BatchItem = BatchSource & ({ input: DocumentInput } | { skipped: string } | { error: string });

/** Extensions of the plain-text files a folder ingest reads. */
const TEXT_EXTENSIONS = new Set([".txt", ".md"]);
/** Extensions of saved web pages, whose article text is read out of the page. */
const HTML_EXTENSIONS = new Set([".html", ".htm"]);

/** A batch item for the document `produce` makes, or for its refusal (an error of any other kind is thrown). */
export function documentItem(source: BatchSource, produce: () => DocumentInput): BatchItem {
  try {
    return { ...source, input: produce() };
  } catch (error) {
    return refusal(source, error);
  }
}

/**
 * A batch item for the article at `url` (fetched under `options`, `fields` filling or overriding its metadata), or
 * for the refusal when the page cannot be fetched or holds no article.
 */
export async function fetchedItem(
  source: BatchSource,
  url: string,
  options: Partial<FetchOptions>,
  fields: PageFields = {},
): Promise<BatchItem> {
  try {
    return { ...source, input: await fetchArticle(url, options, fields) };
  } catch (error) {
    return refusal(source, error);
  }
}

function refusal(source: BatchSource, error: unknown): BatchItem {
  if (error instanceof FetchError || error instanceof IngestError || error instanceof BoundedReadError)
    return { ...source, error: error.message };
  throw error;
}

/**
 * Every `.txt`, `.md`, `.html` and `.htm` file under `folder` (sub-folders included, in name order; hidden entries
 * and other extensions ignored), read when iterated; a web page's article is read out of its HTML. Devices, FIFOs
 * and sockets are reported as skipped; unreadable, oversized or undecodable files as errors.
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
    return documentItem({ file }, () => {
      const bytes = readFileBounded(file, DEFAULT_FETCH_OPTIONS.maxBytes);
      return articleFromHtml(decodePage(bytes, null, "html", file), null);
    });
  if (!TEXT_EXTENSIONS.has(extension)) return null;
  return documentItem({ file }, () => {
    const text = decodeDocumentBytes(readFileBounded(file, MAX_DOCUMENT_BYTES), file);
    // A Markdown file's first line is usually its heading: the title is the heading's words.
    const title = titleFromText(text, path.basename(file)).replace(extension === ".md" ? /^#+\s*/ : /^$/, "");
    return { title: title || path.basename(file), text };
  });
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return "FIFO";
  if (info.isSocket()) return "socket";
  return "device";
}

/**
 * Longest JSON Lines line: a page of the fetch size limit, JSON-escaped, with room to spare — which also holds a text
 * at the document limit escaped (up to three times longer).
 */
const MAX_LINE_BYTES = Math.max(DEFAULT_FETCH_OPTIONS.maxBytes, 3 * MAX_DOCUMENT_BYTES) + 64 * 1024;
const BLANK_BYTES = new Set([0x20, 0x09, 0x0d]);
const EXPECTED =
  'write one {"title": ..., "text": ...} object per line (or "html" for a page, or "url" alone to fetch it)';
/** Decodes each line (no state is kept between whole-input `decode` calls); throws on bytes that are not UTF-8. */
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** A line read: a batch item, or a page still to fetch (with the fields the line gives beside its url). */
type LineItem = BatchItem | (BatchSource & { fetch: string; given: DocumentFields });

/**
 * The documents of a JSON Lines byte stream, one object per line: `{"id"?, "title"?, "text", "date"?, "author"?,
 * "outlet"?, "url"?}` (the title defaults to the text's first line; `url` is kept as metadata), or `"html"` instead of
 * `"text"` (a page whose article is read out of it), or `"url"` alone (the page is fetched under `fetchOptions`, one
 * at a time, and read the same way; the line's other fields win over the page's). Reads a line only when the
 * previous item has been taken; blank lines yield nothing. The fields are checked by the writer, which names the bad
 * one.
 */
export async function* jsonLinesDocuments(
  chunks: AsyncIterable<Uint8Array>,
  fetchOptions: Partial<FetchOptions> = {},
): AsyncGenerator<BatchItem> {
  for await (const line of splitLines(chunks, { maxLineBytes: MAX_LINE_BYTES })) {
    const item = jsonLine(line);
    if (item === null) continue;
    if (!("fetch" in item)) yield item;
    else {
      const { fetch, given, ...source } = item;
      yield await fetchedItem(source, fetch, fetchOptions, { given });
    }
  }
}

function jsonLine(input: InputLine): LineItem | null {
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

function jsonDocument(line: number, value: Record<string, unknown>): LineItem {
  const { id, text, html, title, ...fields } = value;
  if (id !== undefined && typeof id !== "string" && typeof id !== "number")
    return { line, error: `"id" must be a string or a number; ${EXPECTED}` };
  const at = id === undefined ? { line } : { line, id };
  if (title !== undefined && typeof title !== "string") return { ...at, error: `"title" must be a string` };
  const given = (title === undefined ? fields : { ...fields, title }) as DocumentFields;
  if (text !== undefined && html !== undefined) return { ...at, error: `give either "text" or "html", not both` };
  if (html !== undefined)
    return typeof html === "string"
      ? documentItem(at, () => articleFromHtml(html, null, { given }))
      : { ...at, error: `"html" must be a string: the page's HTML` };
  if (text === undefined && fields.url !== undefined) {
    if (typeof fields.url !== "string") return { ...at, error: `"url" must be a string: the page's http(s) address` };
    // The document keeps the address the page was found at, after redirects.
    const { url, ...rest } = given;
    return { ...at, fetch: url as string, given: rest };
  }
  if (typeof text !== "string")
    return { ...at, error: `"text" ${text === undefined ? "is missing" : "must be a string"}; ${EXPECTED}` };
  return { ...at, input: { ...given, title: title ?? titleFromText(text, `line ${line}`), text } as DocumentInput };
}
