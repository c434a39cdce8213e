/**
 * Input fingerprint: a hash of every graph-data/ source file, so a build knows whether it is stale.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
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
  const files = listSourceFiles(dataFiles.root, dataFiles.buildDir);
  return combine(dataFiles, files, files.map(contentDigest));
}

/**
 * {@link fingerprintInputs} without holding the event loop: a server applying another process's ingest step runs it
 * under the write lock, where a corpus of thousands of files made the synchronous walk a pause of tens of
 * milliseconds per step. Same value, same digest cache.
 */
export async function fingerprintInputsAsync(dataFiles: DataFiles): Promise<string> {
  const files = await listSourceFilesAsync(dataFiles.root, dataFiles.buildDir);
  const digestList: string[] = [];
  for (const file of files) digestList.push(await contentDigestAsync(file));
  return combine(dataFiles, files, digestList);
}

/** The fingerprint of `files` (in order) and their digests; forgets the cached digests of files gone from the root. */
function combine(dataFiles: DataFiles, files: string[], digestList: string[]): string {
  const hash = createHash("sha256");
  files.forEach((file, i) =>
    hash.update(path.relative(dataFiles.root, file)).update("\0").update(digestList[i]).update("\0"),
  );
  const seen = new Set(files);
  for (const file of digests.keys())
    if (file.startsWith(dataFiles.root + path.sep) && !seen.has(file)) digests.delete(file);
  return hash.digest("hex");
}

function contentDigest(file: string): string {
  const key = statKey(statSync(file, { bigint: true }));
  return cachedDigest(file, key) ?? remember(file, key, readFileSync(file));
}

async function contentDigestAsync(file: string): Promise<string> {
  const key = statKey(await stat(file, { bigint: true }));
  return cachedDigest(file, key) ?? remember(file, key, await readFile(file));
}

function cachedDigest(file: string, key: string): string | null {
  const known = digests.get(file);
  return known?.stat === key ? known.digest : null;
}

function remember(file: string, key: string, content: Buffer): string {
  const digest = createHash("sha256").update(content).digest("hex");
  digests.set(file, { stat: key, digest });
  return digest;
}

/** ctime cannot be set back by a tool, so an edit that restores size and mtime still changes the key. */
function statKey(s: { size: bigint; mtimeNs: bigint; ctimeNs: bigint; ino: bigint }): string {
  return `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`;
}

async function listSourceFilesAsync(dir: string, skip: string): Promise<string[]> {
  const files: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const full = path.join(dir, name);
    if (full === skip || name.startsWith(".")) continue;
    if ((await stat(full)).isDirectory()) files.push(...(await listSourceFilesAsync(full, skip)));
    else files.push(full);
  }
  return files;
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
