/**
 * Test helper: a throw-away copy of graph-data/ that a test may edit freely.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_DATA_ROOT } from "../../src/store/dataFiles.ts";

/** A temporary graph-data root copied from the repository's, without its build output. */
export interface TempData {
  root: string;
  read: (relative: string) => string;
  write: (relative: string, content: string) => void;
  edit: (relative: string, change: (text: string) => string) => void;
  remove: () => void;
}

/** Copies graph-data/ (sources only) to a fresh temporary folder. */
export function makeTempData(): TempData {
  const root = path.join(mkdtempSync(path.join(os.tmpdir(), "kg-data-")), "graph-data");
  cpSync(DEFAULT_DATA_ROOT, root, { recursive: true, filter: (src) => !src.includes(`${path.sep}build`) });
  const full = (relative: string) => path.join(root, relative);
  return {
    root,
    read: (relative) => readFileSync(full(relative), "utf8"),
    write: (relative, content) => writeFileSync(full(relative), content),
    edit: (relative, change) => writeFileSync(full(relative), change(readFileSync(full(relative), "utf8"))),
    // Retried: a background save may still be creating its temporary file when a test ends (ENOTEMPTY).
    remove: () => rmSync(path.dirname(root), { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }),
  };
}

/** The seed document's id and its relations file. */
export const SEED_DOC = "000_fd914f920b6354d3";
export const SEED_RELATIONS = `relations/${SEED_DOC}.yaml`;
