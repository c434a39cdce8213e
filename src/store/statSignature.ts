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
