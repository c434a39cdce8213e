/**
 * Stat signature: path, size and modification time of every source file of a graph-data/ root — a cheap way to tell
 * that nothing changed since a known moment, without hashing the contents (the fingerprint does that).
 */
import { readdirSync, statSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { DataFiles } from "./dataFiles.ts";

/** One string that changes whenever a source file is added, removed, resized or rewritten. */
export function statSignature(dataFiles: DataFiles): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      // Same exclusions as the fingerprint: hidden files (staging, locks) and the build output.
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (full === dataFiles.buildDir) continue;
      if (entry.isDirectory()) walk(full);
      else {
        const { size, mtimeNs } = statSync(full, { bigint: true });
        parts.push(`${path.relative(dataFiles.root, full)}\0${size}\0${mtimeNs}`);
      }
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
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (full === dataFiles.buildDir) continue;
      if (entry.isDirectory()) await walk(full);
      else {
        try {
          const { size, mtimeNs } = await stat(full, { bigint: true });
          parts.push(`${path.relative(dataFiles.root, full)}\0${size}\0${mtimeNs}`);
        } catch {
          // removed between readdir and stat
        }
      }
    }
  };
  await walk(dataFiles.root);
  return parts.join("\n");
}
