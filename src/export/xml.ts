/**
 * XML text: escaping for element text and attribute values, and removal of the characters XML 1.0 forbids.
 */

// XML 1.0 (§2.2) allows TAB, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF. Everything else — the
// other C0 controls (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F), lone surrogates and U+FFFE/U+FFFF — cannot be
// written even as a character reference, so it is removed. Surrogates are matched only when unpaired.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Most values need no change at all: one test on this class skips both replacements.
// eslint-disable-next-line no-control-regex -- control characters are among the ones to handle
const NEEDS_WORK = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ATTRIBUTE_SPECIAL = /[&<>"'\t\n\r]/g;
const TEXT_SPECIAL = /[&<>\r]/g;
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // Parsers normalise raw TAB/LF/CR in attribute values to spaces (XML §3.3.3) and CR in text to LF (§2.11);
  // character references survive both, so values round-trip exactly.
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Removes the characters XML 1.0 cannot represent (see FORBIDDEN above); every other character is kept. */
export function stripForbiddenXmlChars(value: string): string {
  return value.replace(FORBIDDEN, "");
}

/** Escapes a string for use inside a double- or single-quoted XML attribute value. */
export function escapeXmlAttribute(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return stripForbiddenXmlChars(value).replace(ATTRIBUTE_SPECIAL, (c) => ENTITIES[c]);
}

/** Escapes a string for use as XML element text. */
export function escapeXmlText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return stripForbiddenXmlChars(value).replace(TEXT_SPECIAL, (c) => ENTITIES[c]);
}

/** Formats a number for an XML attribute typed xs:double / xs:float / xs:integer; null when not finite. */
export function formatXmlNumber(value: number): string | null {
  return Number.isFinite(value) ? String(value) : null;
}
