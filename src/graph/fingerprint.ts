/**
 * Input fingerprint: a hash of every graph-data/ source file, so a build knows whether it is stale.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { DataFiles } from "../store/dataFiles.ts";

/** sha256 over the relative path and content of every source file under the root (build output excluded). */
export function fingerprintInputs(dataFiles: DataFiles): string {
  const hash = createHash("sha256");
  for (const file of listSourceFiles(dataFiles.root, dataFiles.buildDir)) {
    hash.update(path.relative(dataFiles.root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
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
