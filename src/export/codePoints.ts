/**
 * Code points: converts offsets between UTF-16 code units (JavaScript string indices, the model's unit) and Unicode
 * code points (the unit of W3C Web Annotation text selectors) for one text, in O(log n) per offset.
 */

/** Offsets of one text in both units; built once per document. */
export class CodePointIndex {
  /** UTF-16 index of the high surrogate of every surrogate pair, in order. */
  readonly #pairs: number[] = [];

  constructor(text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) this.#pairs.push(i++);
      }
    }
  }

  /** The code-point offset of UTF-16 offset `utf16` (an offset inside a pair counts as its start). */
  toCodePoint(utf16: number): number {
    return utf16 - countBelow(this.#pairs, utf16);
  }

  /** The UTF-16 offset of code-point offset `codePoint`. */
  toUtf16(codePoint: number): number {
    // The pair at UTF-16 index p is code point p - (pairs before it); each pair before the target adds one unit.
    let low = 0;
    let high = this.#pairs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.#pairs[mid] - mid < codePoint) low = mid + 1;
      else high = mid;
    }
    return codePoint + low;
  }
}

/** The number of code points of `text`. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _char of text) count++;
  return count;
}

/** At most `count` code points of `text` before UTF-16 offset `end`, never splitting a surrogate pair. */
export function codePointsBefore(text: string, end: number, count: number): string {
  const chars = Array.from(text.slice(Math.max(0, end - 2 * count), end));
  return chars.slice(-count).join("");
}

/** At most `count` code points of `text` from UTF-16 offset `start`. */
export function codePointsAfter(text: string, start: number, count: number): string {
  return Array.from(text.slice(start, start + 2 * count))
    .slice(0, count)
    .join("");
}

function countBelow(sorted: number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}
