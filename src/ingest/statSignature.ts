/**
 * Stat signature: path, size and modification time of every source file of a graph-data/ root — a cheap way to tell
 * that nothing changed since a known moment, without hashing the contents (the fingerprint does that).
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { DataLayout } from "../store/layout.ts";

/** One string that changes whenever a source file is added, removed, resized or rewritten. */
export function statSignature(layout: DataLayout): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      // Same exclusions as the fingerprint: hidden files (staging, locks) and the build output.
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (full === layout.buildDir) continue;
      if (entry.isDirectory()) walk(full);
      else {
        const { size, mtimeNs } = statSync(full, { bigint: true });
        parts.push(`${path.relative(layout.root, full)}\0${size}\0${mtimeNs}`);
      }
    }
  };
  walk(layout.root);
  return parts.join("\n");
}
