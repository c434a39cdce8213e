/**
 * Snapshot texts: many strings as one UTF-8 blob plus the byte offset where each starts, and back.
 *
 * Hand-written rather than one TextEncoder call and one buffer per string: a 1M/5M graph has six million ids and as
 * many attribute records; here they are written into chunks, and read back by one decode per chunk sliced at
 * the offsets when the chunk is ASCII (nearly every id is).
 */

/**
 * Bytes per chunk when encoding: small, because a chunk is made between two writes of the file and a writer running
 * beside requests yields to the event loop only between writes.
 */
const CHUNK_BYTES = 256 * 1024;
const FIRST_CHUNK_BYTES = 64 * 1024;

/**
 * Encodes `textOf(0)..textOf(count - 1)` chunk by chunk as the caller asks for them, filling `offsets` (length
 * count + 1) as it goes: the attribute records of a large graph are gigabytes, written out without being held. Each
 * text is written straight into the chunk (one native call, which returns its byte length). A chunk is valid until
 * the next one is asked for: its buffer is reused.
 */
export function* textChunks(
  count: number,
  textOf: (i: number) => string,
  offsets: Float64Array,
): Generator<Uint8Array> {
  // Grown by doubling up to CHUNK_BYTES: a small table (a few type names) does not take a whole chunk of external
  // memory, which V8 counts towards its next full collection.
  let chunk = Buffer.allocUnsafe(FIRST_CHUNK_BYTES);
  let used = 0;
  let before = 0;
  for (let i = 0; i < count; i++) {
    const text = textOf(i);
    // A UTF-16 code unit takes at most 3 bytes of UTF-8, so this much room always holds the text.
    const room = 3 * text.length;
    if (used + room > chunk.length) {
      if (used > 0) yield chunk.subarray(0, used);
      before += used;
      // Else the same buffer again (the caller is done with the chunk): fresh memory costs page faults per megabyte.
      if (room > chunk.length || chunk.length < CHUNK_BYTES)
        chunk = Buffer.allocUnsafe(Math.max(room, Math.min(CHUNK_BYTES, 2 * chunk.length)));
      used = 0;
    }
    offsets[i] = before + used;
    used += chunk.write(text, used, "utf8");
  }
  if (used > 0) yield chunk.subarray(0, used);
  offsets[count] = before + used;
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
      sliceAtCharacters(blob, offsets, first, i, chunk, texts);
    }
  }
  return texts;
}

/**
 * Cuts `chunk` (bytes `offsets[first]..offsets[last]` decoded) into strings `first..last - 1`, counting UTF-16 units
 * from the bytes: one per UTF-8 lead byte, two for a 4-byte sequence (a surrogate pair). A loop over bytes instead of
 * a native decode per string, which for 100k short labels cost ten times as much.
 */
function sliceAtCharacters(
  blob: Buffer,
  offsets: ArrayLike<number>,
  first: number,
  last: number,
  chunk: string,
  texts: string[],
): void {
  let char = 0;
  let byte = offsets[first];
  for (let j = first; j < last; j++) {
    const from = char;
    for (const to = offsets[j + 1]; byte < to; byte++) {
      const b = blob[byte];
      if ((b & 0xc0) !== 0x80) char += b >= 0xf0 ? 2 : 1;
    }
    texts[j] = chunk.slice(from, char);
  }
}

/**
 * The first of `texts` whose bytes in `blob` differ from it, or -1 when all match: lets a reader that already holds
 * the strings (the loaded graph's ids) use them instead of decoding copies. ASCII texts are compared code unit to
 * byte; any other is decoded and compared.
 */
export function firstDifference(blob: Buffer, offsets: ArrayLike<number>, texts: string[]): number {
  if (texts.length !== offsets.length - 1) return 0;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    const start = offsets[i];
    const length = offsets[i + 1] - start;
    let ascii = text.length === length;
    for (let k = 0; ascii && k < length; k++) {
      const c = text.charCodeAt(k);
      if (c >= 0x80) ascii = false;
      else if (c !== blob[start + k]) return i;
    }
    if (!ascii && blob.toString("utf8", start, start + length) !== text) return i;
  }
  return -1;
}

/** `offsets` as Int32 (what string tables store); throws when the table passed 2 GB, which Int32 cannot address. */
export function int32Offsets(offsets: Float64Array, what: string): Int32Array {
  const last = offsets[offsets.length - 1];
  if (last > 0x7fffffff)
    throw new Error(`snapshot: the ${what} table is ${last} bytes, over the 2 GB its Int32 offsets address`);
  return Int32Array.from(offsets);
}
