/**
 * Snapshot re-keying: a copy of a snapshot file under another key, sealed again, so a benchmark gets a second valid
 * snapshot of the same graph (another checksum) without loading the graph to write one.
 */
import { createHash } from "node:crypto";
import { closeSync, copyFileSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { CHECKSUM_HASH, encodeHeader, sealChecksum, UNSEALED, type SnapshotHeader } from "../../src/snapshot/format.ts";
import { coreChecksum, readSnapshotHeader } from "../../src/snapshot/index.ts";

/** Bytes hashed per read of the core region. */
const CHUNK_BYTES = 64 * 1024 * 1024;

/**
 * Copies the snapshot at `source` to `target` (temp file + rename) with its header's key set to `key` and its
 * checksum sealed again over the same core; returns the new checksum. Throws when `source` is not a snapshot of this
 * format version or does not match its own checksum (a damaged file must not come out sealed as valid).
 */
export function copySnapshotWithKey(source: string, target: string, key: string): string {
  const temp = `${target}.${process.pid}.tmp`;
  copyFileSync(source, temp);
  const fd = openSync(temp, "r+");
  try {
    const { header, json } = headerOf(fd, source);
    const coreDigest = digestOf(fd, header.core.offset, header.core.bytes);
    if (coreChecksum(header, json, coreDigest) !== header.core.checksum)
      throw new Error(`bench: ${source} does not match its checksum; write the snapshot again before copying it`);
    const resealed: SnapshotHeader = { ...header, key, core: { ...header.core, checksum: UNSEALED } };
    resealed.core.checksum = sealChecksum(JSON.stringify(resealed), coreDigest);
    const bytes = encodeHeader(resealed);
    writeSync(fd, bytes, 0, bytes.length, 0);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, target);
    return resealed.core.checksum;
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The checksum in the header of the snapshot at `file` (the core is not read). */
export function checksumOf(file: string): string {
  const fd = openSync(file, "r");
  try {
    return headerOf(fd, file).header.core.checksum;
  } finally {
    closeSync(fd);
  }
}

/** The header of the open snapshot and its JSON as written; throws with the reader's refusal when it is not one. */
function headerOf(fd: number, file: string): { header: SnapshotHeader; json: string } {
  const read = readSnapshotHeader(fd, file);
  if (read.type === "refused") throw new Error(`bench: ${read.message}; give a snapshot file`);
  return read;
}

/** The hex digest of `bytes` bytes of the open file from `offset`, read in chunks. */
function digestOf(fd: number, offset: number, bytes: number): string {
  const hash = createHash(CHECKSUM_HASH);
  const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, bytes));
  for (let done = 0; done < bytes;) {
    const read = readSync(fd, chunk, 0, Math.min(chunk.length, bytes - done), offset + done);
    if (read === 0) throw new Error("bench: the snapshot is shorter than its header says; write it again");
    hash.update(chunk.subarray(0, read));
    done += read;
  }
  return hash.digest("hex");
}
