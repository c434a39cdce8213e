/**
 * Snapshot writer: the graph's served columns and indexes as one binary file, written atomically.
 */
import { createHash } from "node:crypto";
import { writeSync } from "node:fs";
import { endianness } from "node:os";
import type { KnowledgeGraph } from "../model/types.ts";
import { writeFileAtomicWith } from "../store/atomicWrite.ts";
import {
  align8,
  CHECKSUM_HASH,
  encodeHeader,
  HEADER_BYTES,
  RECORD_BLOCK_BYTES,
  sealChecksum,
  UNSEALED,
  type SectionEntry,
  type SnapshotHeader,
} from "./format.ts";
import { PAUSE, snapshotSections } from "./sections.ts";
import type { SnapshotMeta } from "./types.ts";

const ZEROS = new Uint8Array(8);

/** One write of a snapshot file: `bytes` at `position`. One without bytes is a point where a writer may pause. */
export interface SnapshotWrite {
  bytes: Uint8Array;
  position: number;
}

const PAUSE_WRITE: SnapshotWrite = { bytes: new Uint8Array(0), position: 0 };

/**
 * Writes `graph`'s snapshot to `file` (building its path and search indexes first if they are not cached): sections
 * streamed to a temporary file as they are made, records first, the header with the section table and checksums
 * written last at the front, then renamed over `file`, so a reader sees the previous snapshot or this one, never a
 * mix, and a failure part way leaves the previous one. Returns the file's size.
 */
export function writeSnapshot(graph: KnowledgeGraph, file: string, meta: SnapshotMeta): { bytes: number } {
  checkEndianness();
  let fileBytes = 0;
  writeFileAtomicWith(file, (fd) => {
    const writes = snapshotWrites(graph, meta);
    for (let next = writes.next(); ; next = writes.next()) {
      if (next.done) {
        fileBytes = next.value;
        return;
      }
      writeAll(fd, next.value.bytes, next.value.position);
    }
  });
  return { bytes: fileBytes };
}

/** Throws on a big-endian machine: the snapshot's typed sections are the little-endian arrays as held in memory. */
export function checkEndianness(): void {
  if (endianness() !== "LE") throw new Error("snapshot: the format is little endian; this machine is not");
}

/**
 * The writes that make `graph`'s snapshot file, in order; returns the file's size. Each write's bytes must be written
 * before the next is asked for (a chunk's buffer is reused). The header, with the section table and checksums, comes
 * last, at position 0.
 */
export function* snapshotWrites(graph: KnowledgeGraph, meta: SnapshotMeta): Generator<SnapshotWrite, number, void> {
  const records = new RegionHash(HEADER_BYTES);
  const entries: SectionEntry[] = [];
  const blocks = new BlockHasher(RECORD_BLOCK_BYTES);
  let core: RegionHash | null = null;
  function* startCore(): Generator<SnapshotWrite, RegionHash> {
    const hashes = blocks.finish();
    const region = new RegionHash(records.position);
    yield region.put(hashes);
    entries.push({ name: "recordBlockHashes", type: "u8", region: "core", offset: 0, bytes: hashes.length });
    yield region.put(region.padding());
    return region;
  }
  for (const step of snapshotSections(graph)) {
    if (step === PAUSE) {
      yield PAUSE_WRITE;
      continue;
    }
    const { name, type, region, parts } = step;
    if (region === "core") core ??= yield* startCore();
    else if (core) throw new Error(`snapshot: records section "${name}" after the core region began`);
    const writer = core ?? records;
    const offset = writer.bytes;
    for (const part of parts) {
      if (!core) blocks.update(part);
      yield writer.put(part);
    }
    entries.push({ name, type, region, offset, bytes: writer.bytes - offset });
    const zeros = writer.padding();
    if (!core) blocks.update(zeros);
    yield writer.put(zeros);
  }
  core ??= yield* startCore();
  const fileBytes = core.position;
  const header: SnapshotHeader = {
    key: meta.key,
    order: graph.order,
    size: graph.size,
    endianness: "LE",
    fileBytes,
    records: { offset: HEADER_BYTES, bytes: records.bytes, blockBytes: RECORD_BLOCK_BYTES },
    core: { offset: core.start, bytes: core.bytes, checksum: UNSEALED },
    sections: entries,
  };
  header.core.checksum = sealChecksum(JSON.stringify(header), core.digest());
  yield { bytes: encodeHeader(header), position: 0 };
  return fileBytes;
}

/** A region's bytes from `start` on: where each part goes, and their hash. */
class RegionHash {
  bytes = 0;
  readonly #hash = createHash(CHECKSUM_HASH);

  constructor(readonly start: number) {}

  get position(): number {
    return this.start + this.bytes;
  }

  put(bytes: Uint8Array): SnapshotWrite {
    const write = { bytes, position: this.position };
    this.#hash.update(bytes);
    this.bytes += bytes.length;
    return write;
  }

  /** Zeros up to the next multiple of 8 of the region. */
  padding(): Uint8Array {
    return ZEROS.subarray(0, align8(this.bytes) - this.bytes);
  }

  digest(): string {
    return this.#hash.digest("hex");
  }
}

/** The hash of every `blockBytes` of a byte stream, the last block possibly shorter, concatenated. */
class BlockHasher {
  #hash = createHash(CHECKSUM_HASH);
  #filled = 0;
  readonly #digests: Buffer[] = [];

  constructor(readonly blockBytes: number) {}

  update(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length;) {
      const take = Math.min(this.blockBytes - this.#filled, bytes.length - at);
      this.#hash.update(bytes.subarray(at, at + take));
      this.#filled += take;
      at += take;
      if (this.#filled === this.blockBytes) this.#next();
    }
  }

  finish(): Buffer {
    if (this.#filled > 0) this.#next();
    return Buffer.concat(this.#digests);
  }

  #next(): void {
    this.#digests.push(this.#hash.digest());
    this.#hash = createHash(CHECKSUM_HASH);
    this.#filled = 0;
  }
}

/** writeSync until every byte is written (one call may write less, e.g. past 2 GB). */
function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}
