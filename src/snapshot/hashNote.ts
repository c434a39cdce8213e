/**
 * Hash notes: a foreign graph file's content hash, kept beside its snapshot with the state of the file it was
 * computed from, so that a start finds the hash without reading the whole file again while the file is unchanged.
 *
 * Any write to a file changes its change time (ctime), which no call sets back, and a file put in its place has
 * another inode; but file times move in clock ticks, so a write in the tick the file was hashed in could leave every
 * time as it was: a file changed shortly before it was hashed gets no note (as git treats a "racily clean" file).
 */
import { readFileSync, statSync } from "node:fs";
import { writeFileAtomic } from "../store/atomicWrite.ts";

/** What a file was when it was hashed. */
export interface FileState {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** Tunables of the hash notes. */
export interface HashNoteOptions {
  /** A file whose change time is less than this before its hash began gets no note. */
  settledMs: number;
}

export const DEFAULT_HASH_NOTE_OPTIONS: HashNoteOptions = { settledMs: 3_000 };

const STATE_FIELDS = ["dev", "ino", "size", "mtimeNs", "ctimeNs"] as const;

/** The note of the graph file whose snapshot is `snapshotFile`: beside it, with `.sha1` added. */
export function hashNotePath(snapshotFile: string): string {
  return `${snapshotFile}.sha1`;
}

/** The state of `file`, or null when it is not a file that can be read. */
export function fileStateOf(file: string): FileState | null {
  try {
    const stat = statSync(file, { bigint: true });
    return stat.isFile() ? stateOf(stat) : null;
  } catch {
    return null;
  }
}

/** `stat`'s state fields alone. */
function stateOf(stat: FileState): FileState {
  const { dev, ino, size, mtimeNs, ctimeNs } = stat;
  return { dev, ino, size, mtimeNs, ctimeNs };
}

/** Whether two states are of the same file, unchanged. */
export function sameState(a: FileState, b: FileState): boolean {
  return STATE_FIELDS.every((field) => a[field] === b[field]);
}

/** The hash the note at `note` holds for a file in `state`; null when there is no note, or it is of another state. */
export function readHashNote(note: string, state: FileState): string | null {
  try {
    const noted = JSON.parse(readFileSync(note, "utf8")) as Record<string, unknown>;
    const same = STATE_FIELDS.every((field) => noted[field] === String(state[field]));
    return same && typeof noted.sha1 === "string" && /^[0-9a-f]{40}$/.test(noted.sha1) ? noted.sha1 : null;
  } catch {
    return null;
  }
}

/**
 * Notes `hash` as the hash of a file in `state`, hashed from `startedMs` (epoch milliseconds) on and unchanged until
 * it was done, unless the file had changed too shortly before. Never throws: a note that cannot be written is left out.
 */
export function writeHashNote(
  note: string,
  state: FileState,
  hash: string,
  startedMs: number,
  options: Partial<HashNoteOptions> = {},
): void {
  const { settledMs } = { ...DEFAULT_HASH_NOTE_OPTIONS, ...options };
  if (state.ctimeNs > BigInt(Math.floor(startedMs - settledMs)) * 1_000_000n) return;
  const fields = Object.fromEntries(STATE_FIELDS.map((field) => [field, String(state[field])]));
  try {
    writeFileAtomic(note, JSON.stringify({ ...fields, sha1: hash }) + "\n");
  } catch {
    // A read-only folder: the next start hashes the file again.
  }
}
