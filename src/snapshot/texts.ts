/**
 * Snapshot texts: many strings as one UTF-8 blob plus the byte offset where each starts, and back.
 *
 * Hand-written rather than one TextEncoder call per string: a 1M/5M graph has six million ids and as many attribute
 * records, and a call per string costs more than encoding them in large chunks and deriving the offsets, which for
 * ASCII text (nearly every id) are the character offsets themselves.
 */

/** Strings encoded as UTF-8 in chunks, and `offsets[i]..offsets[i + 1]` the bytes of string i. */
export interface EncodedTexts {
  chunks: Uint8Array[];
  bytes: number;
  offsets: Float64Array;
}

/** Characters per chunk when encoding (well under V8's longest string, and few chunks for a large table). */
const CHUNK_CHARS = 8 * 1024 * 1024;

/** Encodes `textOf(0)..textOf(count - 1)` into chunks held in memory (string tables). */
export function encodeTexts(count: number, textOf: (i: number) => string): EncodedTexts {
  const offsets = new Float64Array(count + 1);
  const chunks = [...textChunks(count, textOf, offsets)];
  return { chunks, bytes: offsets[count], offsets };
}

/**
 * Encodes `textOf(0)..textOf(count - 1)` chunk by chunk as the caller asks for them, filling `offsets` (length
 * count + 1) as it goes: the attribute records of a large graph are gigabytes, written out without being held.
 */
export function* textChunks(
  count: number,
  textOf: (i: number) => string,
  offsets: Float64Array,
): Generator<Uint8Array> {
  let bytes = 0;
  let i = 0;
  while (i < count) {
    const first = i;
    const parts: string[] = [];
    let chars = 0;
    while (i < count && (chars < CHUNK_CHARS || i === first)) {
      const text = textOf(i);
      parts.push(text);
      offsets[i] = chars; // character offset within the chunk for now
      chars += text.length;
      i++;
    }
    const chunk = Buffer.from(parts.join(""), "utf8");
    if (chunk.length === chars) {
      // ASCII only: byte offsets are character offsets.
      for (let j = first; j < i; j++) offsets[j] += bytes;
    } else {
      let at = bytes;
      for (let j = first; j < i; j++) {
        offsets[j] = at;
        at += Buffer.byteLength(parts[j - first], "utf8");
      }
    }
    bytes += chunk.length;
    yield chunk;
  }
  offsets[count] = bytes;
}

/** Bytes per chunk when decoding: one native decode per chunk, then slices. */
const DECODE_CHUNK_BYTES = 16 * 1024 * 1024;

/** The strings of a blob read back: `blob` holds the bytes, `offsets` (length count + 1) where each starts. */
export function decodeTexts(blob: Buffer, offsets: ArrayLike<number>): string[] {
  const count = offsets.length - 1;
  const texts: string[] = new Array(Math.max(0, count));
  let i = 0;
  while (i < count) {
    const first = i;
    const start = offsets[first];
    while (i < count && (offsets[i + 1] - start < DECODE_CHUNK_BYTES || i === first)) i++;
    const end = offsets[i];
    const chunk = blob.toString("utf8", start, end);
    if (chunk.length === end - start) {
      for (let j = first; j < i; j++) texts[j] = chunk.slice(offsets[j] - start, offsets[j + 1] - start);
    } else {
      for (let j = first; j < i; j++) texts[j] = blob.toString("utf8", offsets[j], offsets[j + 1]);
    }
  }
  return texts;
}

/** `offsets` as Int32 (what string tables store); throws when the table passed 2 GB, which Int32 cannot address. */
export function int32Offsets(offsets: Float64Array, what: string): Int32Array {
  const last = offsets[offsets.length - 1];
  if (last > 0x7fffffff)
    throw new Error(`snapshot: the ${what} table is ${last} bytes, over the 2 GB its Int32 offsets address`);
  return Int32Array.from(offsets);
}
