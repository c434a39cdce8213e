/**
 * Fuzz values: a seeded source of hostile inputs — numbers at and past their limits, long, unicode and control-char
 * strings, path traversal in every encoding, wrong JSON types — and of valid ones learnt from the served graph.
 */
import { mulberry32 } from "../../src/util/random.ts";

/** Seeded choices over one mulberry32 stream. */
export class Dice {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.#next();
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.#next() < p;
  }

  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#next() * items.length)];
  }
}

/** Numbers as a URL carries them: bounds, past the bounds, not numbers at all. */
export const HOSTILE_NUMBERS = [
  "0",
  "-1",
  "-0",
  "1.5",
  "1e3",
  "1e309",
  "-1e309",
  "9007199254740993",
  "99999999999999999999999999",
  "-2147483649",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x10",
  "0b11",
  "1_000",
  " 3 ",
  "3abc",
  "",
  "null",
  "true",
  "[1]",
];

/** Path parameters and text that try to leave their folder or confuse a decoder. */
export const TRAVERSALS = [
  "..",
  "../",
  "../../../../etc/passwd",
  "..%2f..%2f..%2fetc%2fpasswd",
  "%2e%2e%2f%2e%2e%2fpackage.json",
  "%2e%2e",
  "%252e%252e%252fpackage.json",
  "..%5c..%5cwindows%5cwin.ini",
  "%c0%ae%c0%ae%2f",
  "....%2f%2f",
  ".%00.",
  "%00",
  "ontology.yaml",
  "..%2fontology.yaml",
  "..%2fentities",
  ".env",
  "~",
  "%",
  "%zz",
  "%E0%A4%A",
  "%ED%A0%80",
  "%FF%FE",
  "a%2fb",
  "CON",
];

/** Unicode that tends to break naive code: astral planes, combining marks, bidi overrides, BOM, NUL. */
export const UNICODE = [
  "é",
  "Ё",
  "日本語",
  "😀",
  "👩‍👩‍👧",
  "e\u0301",
  "\u202eevil",
  "\ufeff",
  "\u0000",
  "\u0001",
  "\u001b[31m",
  "\u007f",
  "\u2028",
  "\r\n",
  "\t",
  "\ud800",
  "\udfff",
  "ﬃ",
  "İ",
];

/** Markup and script that must stay text wherever it is echoed. */
export const MARKUP = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  '"><svg onload=alert(1)>',
  "{{constructor.constructor('alert(1)')()}}",
  "${7*7}",
  "' OR '1'='1",
  "__proto__",
  "constructor",
];

/** A string of `length` characters cycling through `alphabet`. */
export function longString(length: number, alphabet = "abc"): string {
  return alphabet.repeat(Math.ceil(length / alphabet.length)).slice(0, length);
}

/** A random hostile text: unicode, markup, control characters, numbers, or a long run. */
export function hostileText(dice: Dice): string {
  switch (dice.int(0, 5)) {
    case 0:
      return dice.pick(UNICODE) + dice.pick(UNICODE);
    case 1:
      return dice.pick(MARKUP);
    case 2:
      return dice.pick(HOSTILE_NUMBERS);
    case 3:
      return longString(dice.pick([201, 501, 2001, 4000]), dice.pick(["a", "é", "😀", "ab,"]));
    case 4:
      return String.fromCharCode(...Array.from({ length: dice.int(1, 8) }, () => dice.int(0, 0xffff)));
    default:
      return dice.pick(["", " ", ",", ",,,", "a,,b", "%", "+", "&", "=", "#", "?"]);
  }
}

/**
 * Percent-encodes a text's UTF-8 bytes for a URL. With `keepEncoded`, `%` and `/` stay raw so that the server, not
 * the client, decides what `%2e%2e%2f` or `../` means.
 */
export function urlText(text: string, keepEncoded: boolean): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepEncoded && /[%/!$'()*+,;:@]/.test(c))) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** A JSON value of a random type (the wrong one, most of the time). */
export function anyJson(dice: Dice, depth = 0): unknown {
  switch (dice.int(0, depth > 2 ? 5 : 7)) {
    case 0:
      return null;
    case 1:
      return dice.chance(0.5);
    case 2:
      return dice.pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, Number.MIN_VALUE]);
    case 3:
    case 4:
      return hostileText(dice);
    case 5:
      return "";
    case 6:
      return Array.from({ length: dice.int(0, 3) }, () => anyJson(dice, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: dice.int(0, 3) }, () => [dice.pick(["a", "text", ...MARKUP]), anyJson(dice, depth + 1)]),
      );
  }
}
