/**
 * Test helper: a temporary folder for the files a suite writes, made before its tests and removed after them.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

/** Where a suite's temporary files go: `write` puts a file there, `path` names one (or the folder itself). */
export interface TempFiles {
  write(name: string, content: string | Buffer): string;
  path(name?: string): string;
}

/** Registers the folder's hooks (call it inside `describe`). */
export function useTempFiles(prefix: string): TempFiles {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    write(name, content) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    path: (name = "") => path.join(dir, name),
  };
}
