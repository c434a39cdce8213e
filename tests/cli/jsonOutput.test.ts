/**
 * `--json` output: every command with `--json` prints only JSON on stdout — with logging on, in a real process — and
 * its log lines go to stderr.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempData, type TempData } from "../helpers/tempData.ts";

const KG = path.resolve("bin/kg.js");

/** Runs `kg ...args` in a child process with info logs on; stdout, stderr and the exit code. */
function kgProcess(...args: string[]) {
  const env = { ...process.env, LOG_LEVEL: "info" };
  const run = spawnSync(process.execPath, [KG, ...args], { encoding: "utf8", env, timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe("--json output", () => {
  let data: TempData;
  beforeAll(() => {
    data = makeTempData();
  });
  afterAll(() => data.remove());

  it("kg ingest --json prints only the JSON result, and its log lines on stderr", () => {
    const file = path.join(path.dirname(data.root), "article.txt");
    writeFileSync(file, "Acme Corp supports Globex Inc in the talks.\n");
    const run = kgProcess("ingest", file, "--json", "--data", data.root);
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out).document.id).toMatch(/^\d+_/);
    expect(run.err).toContain("graph-data changed on disk; reloaded");
  });

  it("kg path --json prints only the JSON answer", () => {
    const run = kgProcess("path", "Blinken", "Podolyak", "--json", "--data", data.root);
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out).paths.length).toBeGreaterThan(0);
  });
});
