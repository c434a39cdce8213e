/**
 * All-or-nothing writes: several files are staged under graph-data/.staging/<tx>/, a COMMIT manifest marks the point
 * of no return, then each file is renamed into place. A crash before COMMIT leaves the old state (the staging is
 * discarded on the next load); a crash after it leaves a state that the next load rolls forward.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic, writeFileDurable } from "./atomicWrite.ts";
import type { DataFiles } from "./dataFiles.ts";
import { tryWriteLockSync } from "./lock.ts";
import { syncDirectory, testPause } from "./fsync.ts";

const COMMIT_MARKER = "COMMIT";

/** One file of a write: its path relative to the graph-data root and its new content. */
export interface StagedFile {
  target: string;
  content: string | Uint8Array;
}

interface Manifest {
  files: { staged: string; target: string }[];
}

let counter = 0;

/**
 * Writes every file or none. Synchronous on purpose: no other code of this process can observe or start a write
 * half-way. Call it while holding the root's write lock.
 */
export function commitWrites(dataFiles: DataFiles, files: StagedFile[]): void {
  const tx = path.join(dataFiles.stagingDir, `${Date.now()}-${process.pid}-${++counter}`);
  mkdirSync(tx, { recursive: true });
  const manifest: Manifest = { files: [] };
  try {
    files.forEach((file, i) => {
      const staged = String(i);
      // No rename per file: nothing reads the transaction's folder before its COMMIT marker exists.
      writeFileDurable(path.join(tx, staged), file.content);
      manifest.files.push({ staged, target: checkedTarget(file.target) });
      testPause();
    });
    // The staged files' entries are on disk before the marker that says they are complete.
    syncDirectory(tx);
    writeFileAtomic(path.join(tx, COMMIT_MARKER), JSON.stringify(manifest));
  } catch (error) {
    rmSync(tx, { recursive: true, force: true });
    throw error;
  }
  testPause();
  applyCommitted(dataFiles, tx);
}

/**
 * Finishes or discards writes left by a process that died mid-way. Runs only when no other process holds the write
 * lock (a live writer's staging is its own business).
 */
export function recoverPendingWrites(dataFiles: DataFiles): void {
  if (!existsSync(dataFiles.stagingDir)) return;
  const release = tryWriteLockSync(dataFiles);
  if (!release) return;
  try {
    for (const name of readdirSync(dataFiles.stagingDir).sort()) {
      const tx = path.join(dataFiles.stagingDir, name);
      if (existsSync(path.join(tx, COMMIT_MARKER))) applyCommitted(dataFiles, tx);
      else rmSync(tx, { recursive: true, force: true });
    }
    removeIfEmpty(dataFiles.stagingDir);
  } finally {
    release();
  }
}

/** Renames every staged file still present into place (idempotent), then removes the transaction folder. */
function applyCommitted(dataFiles: DataFiles, tx: string): void {
  const manifest = JSON.parse(readFileSync(path.join(tx, COMMIT_MARKER), "utf8")) as Manifest;
  const folders = new Set<string>();
  for (const { staged, target } of manifest.files) {
    const from = path.join(tx, staged);
    if (!existsSync(from)) continue; // moved before a crash
    const to = path.join(dataFiles.root, checkedTarget(target));
    mkdirSync(path.dirname(to), { recursive: true });
    renameSync(from, to);
    folders.add(path.dirname(to));
    testPause();
  }
  // Once per folder, before the transaction is removed: until then a crash rolls the renames forward again.
  for (const folder of folders) syncDirectory(folder);
  rmSync(tx, { recursive: true, force: true });
  removeIfEmpty(dataFiles.stagingDir);
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty, or already gone
  }
}

/** Targets are relative paths inside the root; anything else is a programming error. */
function checkedTarget(target: string): string {
  const normal = path.normalize(target);
  if (path.isAbsolute(normal) || normal.startsWith("..") || normal.startsWith("."))
    throw new Error(`ingest: refusing to write "${target}" outside the graph-data root`);
  return normal;
}
