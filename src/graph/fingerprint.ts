/**
 * Input fingerprint: a hash of every graph-data/ source file, so a build knows whether it is stale.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { DataFiles } from "../store/dataFiles.ts";

/**
 * Content hashes by file, with the stat they were taken at. A `kg ingest` publishes after every step and a server
 * after every step it applies: hashing every file each time grew with the corpus (3.5 s of a 1,000-document run).
 */
const digests = new Map<string, { stat: string; digest: string }>();

/**
 * sha256 over the relative path and the content's sha256 of every source file under the root (build output
 * excluded). A file is hashed again only when its size, modification time, change time or inode moved.
 */
export function fingerprintInputs(dataFiles: DataFiles): string {
  const hash = createHash("sha256");
  const seen = new Set<string>();
  for (const file of listSourceFiles(dataFiles.root, dataFiles.buildDir)) {
    seen.add(file);
    hash.update(path.relative(dataFiles.root, file)).update("\0").update(contentDigest(file)).update("\0");
  }
  for (const file of digests.keys())
    if (file.startsWith(dataFiles.root + path.sep) && !seen.has(file)) digests.delete(file);
  return hash.digest("hex");
}

function contentDigest(file: string): string {
  const { size, mtimeNs, ctimeNs, ino } = statSync(file, { bigint: true });
  // ctime cannot be set back by a tool, so an edit that restores size and mtime still changes the key.
  const stat = `${size}:${mtimeNs}:${ctimeNs}:${ino}`;
  const known = digests.get(file);
  if (known?.stat === stat) return known.digest;
  const digest = createHash("sha256").update(readFileSync(file)).digest("hex");
  digests.set(file, { stat, digest });
  return digest;
}

function listSourceFiles(dir: string, skip: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (full === skip || name.startsWith(".")) continue;
    if (statSync(full).isDirectory()) files.push(...listSourceFiles(full, skip));
    else files.push(full);
  }
  return files;
}
