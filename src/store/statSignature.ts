/**
 * Stat signature: path, size and modification time of every source file of a graph-data/ root — a cheap way to tell
 * that nothing changed since a known moment, without hashing the contents (the fingerprint does that).
 */
import { readdirSync, statSync, type Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { DataFiles } from "./dataFiles.ts";

/** One string that changes whenever a source file is added, removed, resized or rewritten. */
export function statSignature(dataFiles: DataFiles): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const { full, isDirectory } of sourceEntries(dataFiles, dir, readdirSync(dir, { withFileTypes: true }))) {
      if (isDirectory) walk(full);
      else parts.push(signatureLine(dataFiles, full, statSync(full, { bigint: true })));
    }
  };
  walk(dataFiles.root);
  return parts.join("\n");
}

/**
 * {@link statSignature} without blocking the event loop (for a timer that polls a served root); the same string for
 * the same files. Files that vanish mid-walk are left out: the next poll sees the settled state.
 */
export async function statSignatureAsync(dataFiles: DataFiles): Promise<string> {
  const parts: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const { full, isDirectory } of sourceEntries(dataFiles, dir, entries)) {
      if (isDirectory) await walk(full);
      else {
        try {
          parts.push(signatureLine(dataFiles, full, await stat(full, { bigint: true })));
        } catch {
          // removed between readdir and stat
        }
      }
    }
  };
  await walk(dataFiles.root);
  return parts.join("\n");
}

/** The entries of `dir` that count, in name order: the fingerprint's exclusions, hidden files and the build output. */
function sourceEntries(dataFiles: DataFiles, dir: string, entries: Dirent[]): { full: string; isDirectory: boolean }[] {
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .filter((entry) => !entry.name.startsWith("."))
    .map((entry) => ({ full: path.join(dir, entry.name), isDirectory: entry.isDirectory() }))
    .filter(({ full }) => full !== dataFiles.buildDir);
}

function signatureLine(dataFiles: DataFiles, full: string, { size, mtimeNs }: { size: bigint; mtimeNs: bigint }) {
  return `${path.relative(dataFiles.root, full)}\0${size}\0${mtimeNs}`;
}

/**
 * The files (relative paths) that `after` has and `before` has not, or null when a file of `before` is missing from
 * `after` or changed in it: null means "not only additions".
 */
export function addedSince(before: string, after: string): string[] | null {
  const known = new Map<string, string>();
  for (const line of before ? before.split("\n") : []) known.set(line.slice(0, line.indexOf("\0")), line);
  const added: string[] = [];
  for (const line of after ? after.split("\n") : []) {
    const file = line.slice(0, line.indexOf("\0"));
    const old = known.get(file);
    if (old === undefined) added.push(file);
    else if (old !== line) return null;
    known.delete(file);
  }
  return known.size === 0 ? added : null;
}

/** The files (relative paths) a signature lists. */
export function signatureFiles(signature: string): string[] {
  return signature ? signature.split("\n").map((line) => line.slice(0, line.indexOf("\0"))) : [];
}

/** `signature` as it would read with only `files` (relative paths) present. */
export function restrictSignature(signature: string, files: ReadonlySet<string>): string {
  return signature
    .split("\n")
    .filter((line) => files.has(line.slice(0, line.indexOf("\0"))))
    .join("\n");
}
