import { afterEach, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { watchFolders } from "../../src/server/watchFolders.ts";

/** Resolves once `seen` holds `name`, checking every few milliseconds (the test's timeout bounds the wait). */
async function until(seen: Set<string>, name: string): Promise<void> {
  while (!seen.has(name)) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("watchFolders", () => {
  let root: string;
  let stop = () => undefined as void;
  afterEach(() => {
    stop();
    rmSync(root, { recursive: true, force: true });
  });

  function watched(): Set<string> {
    root = mkdtempSync(path.join(os.tmpdir(), "kg-watch-"));
    mkdirSync(path.join(root, "documents"));
    const seen = new Set<string>();
    stop = watchFolders(root, (name) => seen.add(name));
    return seen;
  }

  it("reports files written in the root and in its folders, by their path under the root", async () => {
    const seen = watched();
    writeFileSync(path.join(root, "decisions.yaml"), "relations: {}\n");
    writeFileSync(path.join(root, "documents", "001_a.txt"), "text");
    await until(seen, "decisions.yaml");
    await until(seen, path.join("documents", "001_a.txt"));
    expect([...seen].every((name) => !path.isAbsolute(name))).toBe(true);
  });

  it("watches a folder created after it started", async () => {
    const seen = watched();
    mkdirSync(path.join(root, "extracted"));
    await until(seen, "extracted");
    writeFileSync(path.join(root, "extracted", "001_a.yaml"), "document: 001_a\n");
    await until(seen, path.join("extracted", "001_a.yaml"));
  });

  it("leaves hidden folders out", async () => {
    const seen = watched();
    mkdirSync(path.join(root, ".staging"));
    await until(seen, ".staging");
    writeFileSync(path.join(root, ".staging", "0"), "staged");
    writeFileSync(path.join(root, "after.yaml"), "a: 1\n");
    await until(seen, "after.yaml");
    expect(seen.has(path.join(".staging", "0"))).toBe(false);
  });
});
