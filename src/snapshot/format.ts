/**
 * Snapshot format: the file's fixed header (magic, format version, a JSON description) and its section table.
 *
 * Layout: `MAGIC` (8 bytes), the format version (u32 LE), the header JSON's length (u32 LE), the header JSON, spaces up
 * to `HEADER_BYTES`; then two regions. The records region holds every node's and edge's attributes as JSON, read on
 * demand by position and checked block by block against the block hashes when first read. The core region holds
 * everything a start loads: ids, labels, columns, the path and search indexes, the records' offsets and block hashes;
 * it is read whole into one buffer and checked against one checksum. Every section starts at a multiple of 8 bytes
 * from its region's start, so a typed array of any element size can view it in place. Typed arrays are written in
 * the platform's byte order (little endian on every platform Node ships for), which the header records.
 */
import { createHash } from "node:crypto";
import { z } from "zod";

/** First bytes of every snapshot; the CR LF catches a file mangled by a text-mode copy. */
export const MAGIC = Uint8Array.from([0x4b, 0x47, 0x53, 0x4e, 0x41, 0x50, 0x0d, 0x0a]); // "KGSNAP\r\n"

/** Bumped whenever a section is added, removed or changes meaning: a reader refuses every other version. */
export const FORMAT_VERSION = 1;

/** Bytes before the body: the fixed prefix and the header JSON, padded. A multiple of 8, so the body stays aligned. */
export const HEADER_BYTES = 8192;

/** Magic, version and JSON length. */
export const PREFIX_BYTES = 16;

/** Element type of a section: bytes (text, flags) or a typed array. */
export type SectionType = "u8" | "i32" | "f64";

/**
 * The checksum's hash. sha1 rather than sha256: it guards against a torn or bit-rotted file, not an adversary (anyone
 * who can write the snapshot can write a valid one), and here it hashes about four times faster (1.8 GB/s against
 * 0.5 GB/s), which on a multi-gigabyte snapshot is seconds of every start.
 */
export const CHECKSUM_HASH = "sha1";

/** The checksum field as it is hashed: the header cannot hold the hash of itself. */
export const UNSEALED = "0".repeat(40);

/**
 * The checksum a header carries: the hash of the header's JSON (checksum field {@link UNSEALED}) and of the core
 * region's digest, so a damaged section table is caught as surely as a damaged section.
 */
export function sealChecksum(unsealedHeaderJson: string, coreDigest: string): string {
  return createHash(CHECKSUM_HASH).update(unsealedHeaderJson).update("\n").update(coreDigest).digest("hex");
}

/** Bytes per element of each {@link SectionType}. */
export const ELEMENT_BYTES: Record<SectionType, number> = { u8: 1, i32: 4, f64: 8 };

/** Bytes per block of the records region, each with its own hash: what reading one record costs at most to check. */
export const RECORD_BLOCK_BYTES = 64 * 1024;

/** Bytes of each block hash (sha1). */
export const BLOCK_HASH_BYTES = 20;

const sectionSchema = z.object({
  name: z.string().min(1),
  type: z.enum(["u8", "i32", "f64"]),
  region: z.enum(["records", "core"]),
  /** From the region's start; a multiple of 8. */
  offset: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});

const regionSchema = z.object({
  /** From the file's start. */
  offset: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});

/** The header JSON. */
export const headerSchema = z.object({
  /** What the snapshot was made from (see key.ts): a reader expecting another key refuses it as stale. */
  key: z.string(),
  order: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  endianness: z.literal("LE"),
  fileBytes: z.number().int().nonnegative(),
  records: regionSchema.extend({ blockBytes: z.number().int().positive() }),
  /** `checksum`: see {@link sealChecksum} (why sha1: {@link CHECKSUM_HASH}). */
  core: regionSchema.extend({ checksum: z.string().regex(/^[0-9a-f]{40}$/) }),
  sections: z.array(sectionSchema),
});

/** The parsed header. */
export type SnapshotHeader = z.infer<typeof headerSchema>;

/** One entry of the section table. */
export type SectionEntry = z.infer<typeof sectionSchema>;

/** Which region a section lives in. */
export type Region = SectionEntry["region"];

/** Rounds `n` up to a multiple of 8. */
export function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** The header bytes for `header`: prefix, JSON and padding; throws when the JSON does not fit (a bug, not bad input). */
export function encodeHeader(header: SnapshotHeader): Uint8Array {
  const json = Buffer.from(JSON.stringify(header), "utf8");
  if (PREFIX_BYTES + json.length > HEADER_BYTES)
    throw new Error(`snapshot: header of ${json.length} bytes does not fit in ${HEADER_BYTES}; raise HEADER_BYTES`);
  const bytes = Buffer.alloc(HEADER_BYTES, 0x20);
  bytes.set(MAGIC, 0);
  bytes.writeUInt32LE(FORMAT_VERSION, 8);
  bytes.writeUInt32LE(json.length, 12);
  bytes.set(json, PREFIX_BYTES);
  return bytes;
}
