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
import { snapshotSections } from "./sections.ts";
import type { SnapshotMeta } from "./types.ts";

const ZEROS = new Uint8Array(8);

/**
 * Writes `graph`'s snapshot to `file` (building its path and search indexes first if they are not cached): sections
 * streamed to a temporary file as they are made, records first, the header with the section table and checksums
 * written last at the front, then renamed over `file`, so a reader sees the previous snapshot or this one, never a
 * mix, and a failure part way leaves the previous one. Returns the file's size.
 */
export function writeSnapshot(graph: KnowledgeGraph, file: string, meta: SnapshotMeta): { bytes: number } {
  if (endianness() !== "LE") throw new Error("snapshot: the format is little endian; this machine is not");
  let fileBytes = 0;
  writeFileAtomicWith(file, (fd) => {
    const out = new RegionWriter(fd, HEADER_BYTES);
    const entries: SectionEntry[] = [];
    const blocks = new BlockHasher(RECORD_BLOCK_BYTES);
    let core: RegionWriter | null = null;
    const startCore = () => {
      const hashes = blocks.finish();
      const at = new RegionWriter(fd, out.position);
      at.put(hashes);
      entries.push({ name: "recordBlockHashes", type: "u8", region: "core", offset: 0, bytes: hashes.length });
      at.pad();
      return at;
    };
    for (const { name, type, region, parts } of snapshotSections(graph)) {
      if (region === "core") core ??= startCore();
      else if (core) throw new Error(`snapshot: records section "${name}" after the core region began`);
      const writer = core ?? out;
      const offset = writer.bytes;
      for (const part of parts) {
        writer.put(part);
        if (!core) blocks.update(part);
      }
      entries.push({ name, type, region, offset, bytes: writer.bytes - offset });
      if (core) writer.pad();
      else blocks.update(out.pad());
    }
    core ??= startCore();
    fileBytes = core.position;
    const header: SnapshotHeader = {
      key: meta.key,
      order: graph.order,
      size: graph.size,
      endianness: "LE",
      fileBytes,
      records: { offset: HEADER_BYTES, bytes: out.bytes, blockBytes: RECORD_BLOCK_BYTES },
      core: { offset: core.start, bytes: core.bytes, checksum: UNSEALED },
      sections: entries,
    };
    header.core.checksum = sealChecksum(JSON.stringify(header), core.digest());
    writeAll(fd, encodeHeader(header), 0);
  });
  return { bytes: fileBytes };
}

/** Writes a region's bytes from `start` on, hashing them. */
class RegionWriter {
  bytes = 0;
  readonly #hash = createHash(CHECKSUM_HASH);

  constructor(
    readonly fd: number,
    readonly start: number,
  ) {}

  get position(): number {
    return this.start + this.bytes;
  }

  put(bytes: Uint8Array): void {
    writeAll(this.fd, bytes, this.position);
    this.#hash.update(bytes);
    this.bytes += bytes.length;
  }

  /** Zeros up to the next multiple of 8 of the region; returns them. */
  pad(): Uint8Array {
    const zeros = ZEROS.subarray(0, align8(this.bytes) - this.bytes);
    if (zeros.length > 0) this.put(zeros);
    return zeros;
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
