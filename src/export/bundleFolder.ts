/**
 * Bundle folder: writes the files of a multi-file export (the Neo4j bundle) into a folder all or nothing.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { writeStreamAtomic } from "../store/atomicWrite.ts";
import type { ZipEntry } from "./zip.ts";

/**
 * Streams `entries` into a hidden folder beside `dir`, then puts it in `dir`'s place: readers see the old folder or
 * the whole new one, and a failed export leaves `dir` as it was. Refuses a `dir` that holds files of its own.
 */
export async function writeBundleFolder(dir: string, entries: ZipEntry[]): Promise<void> {
  const names = new Set(entries.map((e) => e.name));
  if (existsSync(dir)) {
    const foreign = readdirSync(dir).filter((f) => !names.has(f));
    if (foreign.length > 0)
      throw new Error(
        `export: ${dir} holds other files (${foreign.slice(0, 3).join(", ")}); give an empty or new folder`,
      );
  }
  const parent = path.dirname(path.resolve(dir));
  mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(dir)}.${process.pid}.${Date.now()}.tmp`);
  const old = `${staging}.old`;
  try {
    mkdirSync(staging);
    for (const entry of entries) await writeStreamAtomic(path.join(staging, entry.name), entry.chunks);
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}
