/**
 * Snapshot keys and places: what a snapshot must have been made from to be used, and where it is kept.
 */
import { createHash } from "node:crypto";
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import {
  fileStateOf,
  hashNotePath,
  readHashNote,
  sameState,
  writeHashNote,
  type FileState,
  type HashNoteOptions,
} from "./hashNote.ts";

/** Where snapshots of foreign graph files go when the file's own folder cannot be written. */
export interface SnapshotPlaceOptions {
  /** The user's cache folder (`$XDG_CACHE_HOME`, else ~/.cache). */
  cacheDir: string;
}

export const DEFAULT_SNAPSHOT_PLACE_OPTIONS: SnapshotPlaceOptions = {
  cacheDir: process.env.XDG_CACHE_HOME || path.join(homedir(), ".cache"),
};

/** Folder beside a foreign graph file that holds its snapshot. */
export const CACHE_FOLDER = ".kg-cache";

const HASH_CHUNK_BYTES = 16 * 1024 * 1024;

/** Hashes computed ahead by {@link hashFileAhead}, by absolute path, each with the state of the file it is of. */
const hashedAhead = new Map<string, FileState & { hash: string }>();

/**
 * The key of a graph built from graph-data/ into `graphFile`: the input fingerprint it was built from (its
 * `builtFrom`) and the graph file's size and modification time, so a graph file written since (an ingest saving the
 * served graph) is not answered by the snapshot of an earlier one. Null when the graph has no fingerprint (a build of
 * some of the files matches no state of graph-data/) or the file cannot be read.
 */
export function builtGraphKey(fingerprint: string | undefined, graphFile: string): string | null {
  if (!fingerprint) return null;
  const stat = fileStateOf(graphFile);
  return stat ? `inputs ${fingerprint}; graph file ${stat.size} bytes, modified ${stat.mtimeNs} ns` : null;
}

/**
 * The key of a foreign graph file (`kg serve --graph FILE`): its absolute path, size, modification time and content
 * hash (sha1 for speed, as the body's checksum; about a second per 2 GB here). The hash is read from the file, or
 * taken from {@link hashFileAhead} or from the note beside the file's snapshot (./hashNote.ts) when the file is
 * unchanged since they hashed it. Null for a folder (a Neo4j bundle) or a file that cannot be read.
 */
export function foreignFileKey(file: string, options: Partial<HashNoteOptions> = {}): string | null {
  const absolute = path.resolve(file);
  const stat = fileStateOf(absolute);
  const ahead = hashedAhead.get(absolute);
  hashedAhead.delete(absolute); // used once, by the start that asked for it
  if (!stat) return null;
  const note = hashNotePath(foreignSnapshotPath(absolute));
  let hash = ahead && sameState(ahead, stat) ? ahead.hash : readHashNote(note, stat);
  if (!hash) {
    const started = Date.now();
    hash = contentHash(absolute);
    const after = fileStateOf(absolute);
    if (hash && after && sameState(stat, after)) writeHashNote(note, stat, hash, started, options);
  }
  if (!hash) return null;
  return `file ${absolute}; ${stat.size} bytes, modified ${stat.mtimeNs} ns; sha1 ${hash}`;
}

/**
 * Hashes `file` as {@link foreignFileKey} does, on a worker thread, so the hash can overlap other start-up work (the
 * main thread loading modules); a file unchanged since the note beside its snapshot was written is not read at all.
 * The next `foreignFileKey` of the file takes this hash instead of reading the file again, once, if the file is
 * unchanged since (same inode, size, modification and change times). Resolves when done; never rejects: a file that
 * cannot be read, or changes meanwhile, is left for `foreignFileKey` to hash or refuse.
 */
export async function hashFileAhead(file: string, options: Partial<HashNoteOptions> = {}): Promise<void> {
  const absolute = path.resolve(file);
  const before = fileStateOf(absolute);
  if (!before) return;
  const note = hashNotePath(foreignSnapshotPath(absolute));
  const noted = readHashNote(note, before);
  if (noted) {
    hashedAhead.set(absolute, { ...before, hash: noted });
    return;
  }
  const started = Date.now();
  const hash = await hashOnWorker(absolute).catch(() => null);
  const after = fileStateOf(absolute);
  if (!hash || !after || !sameState(before, after)) return;
  hashedAhead.set(absolute, { ...before, hash });
  writeHashNote(note, before, hash, started, options);
}

/** The sha1 of `file` (hex), computed by ./hashWorker.mjs on its own thread. */
function hashOnWorker(file: string): Promise<string> {
  const worker = new Worker(new URL("./hashWorker.mjs", import.meta.url), {
    workerData: { file, chunkBytes: HASH_CHUNK_BYTES },
  });
  return new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`snapshot: the hash worker exited with code ${code}`)));
  });
}

/** The snapshot of a built graph file: beside it, `graph.json` → `graph.snapshot`. */
export function snapshotPathOf(graphFile: string): string {
  const ext = path.extname(graphFile);
  return path.join(path.dirname(graphFile), `${path.basename(graphFile, ext)}.snapshot`);
}

/**
 * The snapshot of a foreign graph file: `.kg-cache/<name>.snapshot` beside it when that folder exists or can be
 * made, else in the user's cache folder under a name made from the file's absolute path (two files of one name in
 * different folders must not share a snapshot).
 */
export function foreignSnapshotPath(file: string, options: Partial<SnapshotPlaceOptions> = {}): string {
  const { cacheDir } = { ...DEFAULT_SNAPSHOT_PLACE_OPTIONS, ...options };
  const absolute = path.resolve(file);
  const beside = path.join(path.dirname(absolute), CACHE_FOLDER);
  if (writableFolder(beside)) return path.join(beside, `${path.basename(absolute)}.snapshot`);
  const id = createHash("sha1").update(absolute).digest("hex").slice(0, 16);
  return path.join(cacheDir, "kg", "snapshots", `${id}-${path.basename(absolute)}.snapshot`);
}

function writableFolder(dir: string): boolean {
  try {
    if (!existsSync(dir)) mkdirSync(dir);
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function contentHash(file: string): string | null {
  const hash = createHash("sha1");
  const chunk = Buffer.alloc(HASH_CHUNK_BYTES);
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return null;
  }
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}
