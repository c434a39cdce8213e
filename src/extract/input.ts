/**
 * Input checks: what text the extractor accepts (UTF-8, not binary, not empty, within a size limit).
 */

/** Largest document accepted, in bytes of UTF-8 (about 300,000 words). */
export const MAX_TEXT_BYTES = 2_000_000;

/** The decoded text, or why it was refused. */
export type TextCheck = { ok: true; text: string } | { ok: false; message: string };

/** Decodes `bytes` as UTF-8 and refuses empty, binary, non-UTF-8 or oversized input with a message saying why. */
export function checkText(bytes: Uint8Array, maxBytes: number = MAX_TEXT_BYTES): TextCheck {
  if (bytes.length > maxBytes)
    return {
      ok: false,
      message: `the text is ${bytes.length} bytes; the limit is ${maxBytes} bytes — split it into smaller documents`,
    };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: "the text is not valid UTF-8; convert it (e.g. iconv -t UTF-8) and try again" };
  }
  text = text.replace(/^\uFEFF/, "");
  if (hasControlBytes(text))
    return { ok: false, message: "the input looks binary (it contains control bytes); give a plain-text file" };
  if (text.trim().length === 0) return { ok: false, message: "the text is empty; give a file with the article's text" };
  return { ok: true, text };
}

/** NUL and other C0 controls (except tab, newline, vertical tab, form feed, carriage return) do not occur in prose. */
function hasControlBytes(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && (c < 0x09 || c > 0x0d)) return true;
  }
  return false;
}
