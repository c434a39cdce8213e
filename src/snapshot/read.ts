/**
 * Snapshot reader: the file's core region in a few large reads into one SharedArrayBuffer, checked (magic, version,
 * length, key, checksum, sections) before anything is handed out; the attribute records stay in the file.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { assembleSnapshot, IdMismatch, SectionError } from "./assemble.ts";
import {
  CHECKSUM_HASH,
  FORMAT_VERSION,
  HEADER_BYTES,
  headerSchema,
  MAGIC,
  PREFIX_BYTES,
  sealChecksum,
  UNSEALED,
  type SnapshotHeader,
} from "./format.ts";
import type { SnapshotExpectation, SnapshotReadResult, SnapshotRefusal, SnapshotRefusalReason } from "./types.ts";

/** Largest single read: well under the 2 GB a read call may transfer at once. */
const READ_BYTES = 1024 * 1024 * 1024;

/**
 * Reads and checks the snapshot at `file`, expecting `expected.key`. Refuses (never throws for a bad file) when it is
 * missing, unreadable, not a snapshot, of another format version, truncated, corrupt, fails its checksum or was made
 * from something else; the refusal's message ends by saying the indexes will be rebuilt. A snapshot handed out holds
 * the file open for its attribute records until its `close()`.
 *
 * The body lives in one SharedArrayBuffer, like the path index's own: V8 does not count it as external memory that
 * hurries full collections, and the path workers receive the index's views without a copy.
 */
export function readSnapshot(file: string, expected: SnapshotExpectation): SnapshotReadResult {
  let fd: number;
  try {
    // Without blocking: opening a FIFO for reading would wait for a writer; it is refused below, like a device.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? refuse("missing", `snapshot: there is no snapshot at ${file}`)
      : refuse("unreadable", `snapshot: cannot open ${file} (${(error as Error).message})`);
  }
  let result: SnapshotReadResult;
  try {
    result = fstatSync(fd).isFile()
      ? readOpen(fd, file, expected)
      : refuse("unreadable", `snapshot: ${file} is not a regular file; give the path of a snapshot file`);
  } catch (error) {
    result =
      error instanceof SectionError
        ? refuse("corrupt", `snapshot: ${file} is corrupt: ${error.message}`)
        : error instanceof IdMismatch
          ? refuse("other-graph", `snapshot: ${file} is not of the graph being served (${error.message})`)
          : refuse("unreadable", `snapshot: cannot read ${file} (${(error as Error).message})`);
  }
  // A snapshot handed out keeps the file open to read its attribute records; a refusal keeps nothing.
  if (result.type === "refused") closeSync(fd);
  return result;
}

function readOpen(fd: number, file: string, expected: SnapshotExpectation): SnapshotReadResult {
  const fileBytes = fstatSync(fd).size;
  const read = readSnapshotHeader(fd, file);
  if (read.type === "refused") return read;
  const { header, json } = read;
  if (fileBytes < header.fileBytes)
    return refuse("truncated", `snapshot: ${file} is truncated (${fileBytes} of ${header.fileBytes} bytes)`);
  const { core, records } = header;
  const laidOut =
    records.offset === HEADER_BYTES &&
    records.offset + records.bytes <= core.offset &&
    core.offset + core.bytes === header.fileBytes &&
    core.offset % 8 === 0;
  if (fileBytes > header.fileBytes || !laidOut)
    return refuse("corrupt", `snapshot: ${file} is ${fileBytes} bytes, not laid out as its header says`);
  if (expected.key !== null && header.key !== expected.key)
    return refuse("stale", `snapshot: ${file} was made from "${header.key}", not from "${expected.key}"`);
  const body = new SharedArrayBuffer(core.bytes);
  const bodyView = new Uint8Array(body);
  if (readFully(fd, bodyView, core.offset) !== core.bytes)
    return refuse("truncated", `snapshot: ${file} shrank while it was read`);
  if (coreChecksum(header, json, createHash(CHECKSUM_HASH).update(bodyView).digest("hex")) !== core.checksum)
    return refuse("checksum", `snapshot: ${file} does not match its checksum (a damaged or torn file)`);
  return { type: "ok", snapshot: assembleSnapshot(header, body, fd, file, expected.ids) };
}

/**
 * The header of the open snapshot `file` (magic, format version and header checked), with its JSON as written; a
 * refusal when it is not a readable snapshot of this format version.
 */
export function readSnapshotHeader(
  fd: number,
  file: string,
): { type: "ok"; header: SnapshotHeader; json: string } | SnapshotRefusal {
  const fileBytes = fstatSync(fd).size;
  const prefix = Buffer.alloc(PREFIX_BYTES);
  const got = readFully(fd, prefix, 0);
  if (got < MAGIC.length || !prefix.subarray(0, MAGIC.length).equals(MAGIC))
    return got < MAGIC.length && prefix.subarray(0, got).equals(Buffer.from(MAGIC.subarray(0, got)))
      ? refuse("truncated", `snapshot: ${file} is truncated (${fileBytes} bytes)`)
      : refuse("not-a-snapshot", `snapshot: ${file} is not a snapshot (its first bytes are not the snapshot magic)`);
  if (got < PREFIX_BYTES || fileBytes < HEADER_BYTES)
    return refuse("truncated", `snapshot: ${file} is truncated (${fileBytes} bytes, shorter than its header)`);
  const version = prefix.readUInt32LE(8);
  if (version !== FORMAT_VERSION)
    return refuse("version", `snapshot: ${file} is format version ${version}; this version reads ${FORMAT_VERSION}`);
  const read = readHeader(fd, prefix.readUInt32LE(12));
  return read ? { type: "ok", ...read } : refuse("corrupt", `snapshot: ${file} has an unreadable header`);
}

/** The checksum `header` (whose JSON as written is `json`) should carry for a core of digest `coreDigest`. */
export function coreChecksum(header: SnapshotHeader, json: string, coreDigest: string): string {
  return sealChecksum(json.replace(`"checksum":"${header.core.checksum}"`, `"checksum":"${UNSEALED}"`), coreDigest);
}

/** The header JSON as written and parsed; null when it is not valid. */
function readHeader(fd: number, jsonBytes: number): { header: SnapshotHeader; json: string } | null {
  if (jsonBytes > HEADER_BYTES - PREFIX_BYTES) return null;
  const bytes = Buffer.alloc(jsonBytes);
  if (readFully(fd, bytes, PREFIX_BYTES) !== jsonBytes) return null;
  const json = bytes.toString("utf8");
  try {
    const parsed = headerSchema.safeParse(JSON.parse(json));
    return parsed.success ? { header: parsed.data, json } : null;
  } catch {
    return null;
  }
}

/** Reads into `target` from `position` in calls of at most {@link READ_BYTES}; returns the bytes read (less at EOF). */
function readFully(fd: number, target: Uint8Array, position: number): number {
  let done = 0;
  while (done < target.length) {
    const read = readSync(fd, target, done, Math.min(READ_BYTES, target.length - done), position + done);
    if (read === 0) break;
    done += read;
  }
  return done;
}

/** A refusal whose message says what happens next. */
export function refuse(reason: SnapshotRefusalReason, message: string): SnapshotRefusal {
  return {
    type: "refused",
    reason,
    problem: message,
    message: `${message}; the path and search indexes will be rebuilt from the graph and the snapshot written again`,
  };
}
