/**
 * Page decoding: bytes of a web page or feed to a string, in the character set its header or its own markup names.
 */
import { IngestError } from "../types.ts";
import type { MediaKind } from "./fetchOptions.ts";

/** How far into the bytes a `<meta charset>` or an XML declaration is looked for (the HTML spec's prescan length). */
const PRESCAN_BYTES = 1024;
// A deliberately small prescan: the HTML spec's full algorithm handles odd markup we do not expect from news sites;
// a page it misses is decoded as UTF-8, and a wrong guess is refused as undecodable rather than stored garbled.
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;
const XML_ENCODING = /^<\?xml[^>]*\bencoding\s*=\s*["']([\w:.-]+)["']/;

/** The `charset` parameter of a `Content-Type` header, or null. */
export function headerCharset(contentType: string | null): string | null {
  return /;\s*charset\s*=\s*"?([\w:.-]+)"?/i.exec(contentType ?? "")?.[1] ?? null;
}

/**
 * Decodes `bytes`: in the header's charset, else the one the page's `<meta>` (HTML) or XML declaration (feeds)
 * names, else UTF-8. Bytes that are not valid in that charset are refused with an {@link IngestError}.
 */
export function decodePage(bytes: Uint8Array, contentType: string | null, kind: MediaKind, name: string): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, PRESCAN_BYTES));
  const declared = kind === "html" ? META_CHARSET.exec(head)?.[1] : XML_ENCODING.exec(head)?.[1];
  const charset = headerCharset(contentType) ?? declared ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new IngestError("invalid", `ingest: ${name} is in the character set "${charset}", which cannot be decoded`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new IngestError("invalid", `ingest: ${name} is not valid ${charset}; save the page as UTF-8`);
  }
}
