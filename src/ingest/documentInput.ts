/**
 * Document input checks: decode and vet a document before anything is written (size, encoding, binary content).
 */
import { z } from "zod";
import { IngestError, type DocumentInput } from "./types.ts";
import { CalendarDateSchema } from "../model/calendarDate.ts";

/** Largest accepted document text, in UTF-8 bytes (about 30,000 words of English). */
export const MAX_DOCUMENT_BYTES = 200_000;

/** Longest title taken from a text's first line when none is given. */
const MAX_DEFAULT_TITLE = 120;

// C0 controls except tab, line feed and carriage return; DEL; C1 controls. A text with these is binary or corrupt.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// In a one-line field (title, author, outlet) no control character at all, and no bidi embedding, override or
// isolate: those reorder how the text around the field is shown (a title could display as something else).
// eslint-disable-next-line no-control-regex
const LINE_CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** A trimmed one-line text field of at most `max` characters, refused with the offending character named. */
function lineField(name: string, max: number, missing = `give the ${name}`) {
  return z
    .string()
    .trim()
    .min(1, missing)
    .max(max, `shorten the ${name} to ${max} characters`)
    .superRefine((value, ctx) => {
      const control = LINE_CONTROL_CHARS.exec(value);
      if (control) ctx.addIssue({ code: "custom", message: `${name}: ${unprintable(control[0], control.index)}` });
      else if (LONE_SURROGATE.test(value))
        ctx.addIssue({ code: "custom", message: `${name}: holds an unpaired surrogate; send valid UTF-8` });
    });
}

function unprintable(char: string, index: number): string {
  const code = char.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase();
  return `the control or bidi character U+${code} at offset ${index} is not allowed; remove it`;
}

/** The metadata fields of a document, as accepted from the CLI or HTTP. */
export const DocumentFieldsSchema = z.strictObject({
  title: lineField("title", 300, "give the document a title"),
  author: lineField("author", 200).optional(),
  date: CalendarDateSchema.optional(),
  outlet: lineField("outlet", 200).optional(),
  url: z
    .url({ protocol: /^https?$/, error: "use an http(s) URL" })
    .max(2000)
    .optional(),
});

/** The JSON body of POST /api/documents. */
export const DocumentBodySchema = DocumentFieldsSchema.extend({ text: z.string() });

/**
 * The JSON body of POST /api/documents naming a web page to fetch instead of giving its text: the title and other
 * fields are optional (the page's metadata fills them) and win over the page's when given.
 */
export const UrlDocumentBodySchema = DocumentFieldsSchema.extend({
  title: DocumentFieldsSchema.shape.title.optional(),
  url: DocumentFieldsSchema.shape.url.unwrap(),
});

/** Decodes file bytes as strict UTF-8; rejects anything else with a message naming the problem. */
export function decodeDocumentBytes(bytes: Uint8Array, name: string): string {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw tooLarge(bytes.byteLength);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(
      "invalid",
      `ingest: ${name} is not UTF-8 text (binary or another encoding); convert it to UTF-8 first`,
    );
  }
}

/**
 * Normalises and checks a document's text: strips a byte-order mark, turns CRLF into LF (offsets are counted on the
 * stored text), and rejects empty, oversized, binary or mis-decoded text. Returns the text to store.
 */
export function checkDocumentText(raw: string): string {
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim().length === 0)
    throw new IngestError("invalid", "ingest: the document text is empty; paste the article");
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_DOCUMENT_BYTES) throw tooLarge(bytes);
  const control = CONTROL_CHARS.exec(text);
  if (control)
    throw new IngestError(
      "invalid",
      `ingest: the text contains the control character U+${control[0].charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()} at offset ${control.index}; binary files cannot be ingested, send plain text`,
    );
  if (LONE_SURROGATE.test(text) || text.includes("\uFFFD"))
    throw new IngestError(
      "invalid",
      "ingest: the text is not valid UTF-8 (it holds unpaired surrogates or U+FFFD replacement characters); re-save it as UTF-8",
    );
  return text;
}

/** Validates a whole document input (fields and text); returns it with the normalised text. */
export function checkDocumentInput(input: DocumentInput): DocumentInput {
  const { text, ...rest } = input;
  const fields = DocumentFieldsSchema.safeParse(rest);
  if (!fields.success) {
    const problems = fields.error.issues.map((i) => `${i.path.join(".") || "document"}: ${i.message}`).join("; ");
    throw new IngestError("invalid", `ingest: invalid document: ${problems}`);
  }
  return { ...withoutUndefined(fields.data), text: checkDocumentText(text) };
}

/** `value` without its undefined fields (optional fields absent, not present as undefined). */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function tooLarge(bytes: number): IngestError {
  return new IngestError(
    "too_large",
    `ingest: the text is ${bytes} bytes; the limit is ${MAX_DOCUMENT_BYTES} bytes, split the document`,
    { limit: MAX_DOCUMENT_BYTES },
  );
}

/** A title for a document given without one: its first non-blank line, else `fallback` (e.g. the file name). */
export function titleFromText(text: string, fallback: string): string {
  const first =
    text
      .split("\n")
      .find((line) => line.trim().length > 0)
      ?.trim() ?? "";
  return (first || fallback).slice(0, MAX_DEFAULT_TITLE);
}
