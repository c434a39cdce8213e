/**
 * Snapshot records: the attribute JSON of one node or edge, read from the file when asked for, each block of the
 * records region checked against its hash the first time it is read.
 */
import { createHash } from "node:crypto";
import { closeSync, readSync } from "node:fs";
import { BLOCK_HASH_BYTES, CHECKSUM_HASH, type SectionEntry } from "./format.ts";

/** Where the records region is and how it is checked. */
export interface RecordRegion {
  /** From the file's start. */
  offset: number;
  bytes: number;
  blockBytes: number;
  /** sha1 of each block, one after another. */
  blockHashes: Uint8Array;
}

/** Reads records from an open snapshot file, which it closes on {@link RecordReader.close}. */
export class RecordReader {
  #fd: number | null;
  readonly #verified: Uint8Array;

  constructor(
    fd: number,
    readonly file: string,
    readonly region: RecordRegion,
  ) {
    this.#fd = fd;
    this.#verified = new Uint8Array(region.blockHashes.length / BLOCK_HASH_BYTES);
  }

  /**
   * The text of bytes `[from, to)` of `section` (offsets within the section). Throws when the blocks they lie in do
   * not match their hashes (the file was damaged after it was opened or since it was written) or the file is closed.
   */
  text(section: SectionEntry, from: number, to: number): string {
    return this.bytes(section, from, to).toString("utf8");
  }

  /** The bytes of {@link RecordReader.text}, undecoded (a batch of records is decoded once, then cut). */
  bytes(section: SectionEntry, from: number, to: number): Buffer {
    const fd = this.#fd;
    if (fd === null) throw new Error(`snapshot: ${this.file} is closed; read the snapshot again`);
    const { blockBytes } = this.region;
    const start = section.offset + from;
    const end = section.offset + to;
    const first = Math.floor(start / blockBytes);
    const last = Math.max(first, Math.floor((end - 1) / blockBytes));
    // Blocks already checked are not read whole again: a record of a few hundred bytes costs that much, not 64 KB.
    const checked = this.#verified.subarray(first, last + 1).every((done) => done === 1);
    const spanStart = checked ? start : first * blockBytes;
    const spanEnd = checked ? end : Math.min(this.region.bytes, (last + 1) * blockBytes);
    const span = Buffer.allocUnsafe(spanEnd - spanStart);
    let read = 0;
    while (read < span.length) {
      const got = readSync(fd, span, read, span.length - read, this.region.offset + spanStart + read);
      if (got === 0) break;
      read += got;
    }
    for (let block = first; block <= last && !checked; block++) {
      if (this.#verified[block]) continue;
      const at = (block - first) * blockBytes;
      this.#check(block, span.subarray(at, Math.min(read, at + blockBytes)));
      this.#verified[block] = 1;
    }
    return span.subarray(start - spanStart, end - spanStart);
  }

  /** How many blocks the records region has. */
  get blocks(): number {
    return this.#verified.length;
  }

  /**
   * Reads blocks `[from, to)` and checks each against its hash (those already checked are skipped); throws like
   * {@link RecordReader.bytes} at the first damaged one. Later reads of them then check nothing again.
   */
  checkBlocks(from: number, to: number): void {
    const fd = this.#fd;
    if (fd === null) throw new Error(`snapshot: ${this.file} is closed; read the snapshot again`);
    const { blockBytes, bytes, offset } = this.region;
    const buffer = Buffer.allocUnsafe(blockBytes);
    for (let block = Math.max(0, from); block < Math.min(to, this.blocks); block++) {
      if (this.#verified[block]) continue;
      const length = Math.min(blockBytes, bytes - block * blockBytes);
      let read = 0;
      while (read < length) {
        const got = readSync(fd, buffer, read, length - read, offset + block * blockBytes + read);
        if (got === 0) break;
        read += got;
      }
      this.#check(block, buffer.subarray(0, read));
      this.#verified[block] = 1;
    }
  }

  close(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }

  #check(block: number, bytes: Buffer): void {
    const digest = createHash(CHECKSUM_HASH).update(bytes).digest();
    const expected = this.region.blockHashes.subarray(block * BLOCK_HASH_BYTES, (block + 1) * BLOCK_HASH_BYTES);
    if (!digest.equals(expected))
      throw new Error(
        `snapshot: the attribute records of ${this.file} are damaged (block ${block}); rebuild it with "npx kg build" or restart the server, which writes it again`,
      );
  }
}
