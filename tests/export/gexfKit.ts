/**
 * Test helper: the GEXF conformance kit beside the repository (../shared/gexf) and its validator.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Where the kit lives: never copied into the project. */
export const GEXF_KIT = path.resolve(REPO_ROOT, "../shared/gexf");

/** Why schema validation cannot run here, or null when it can. */
export function validationUnavailable(): string | null {
  if (!existsSync(path.join(GEXF_KIT, "validate.sh")))
    return `the GEXF conformance kit is not at ${GEXF_KIT} (it sits beside the project in CI)`;
  if (spawnSync("xmllint", ["--version"]).error) return "xmllint is not installed (apt-get install libxml2-utils)";
  return null;
}

/** Why the sample corpus cannot be read here, or null when it can. */
export function samplesUnavailable(): string | null {
  return existsSync(path.join(GEXF_KIT, "samples", "SOURCES.md"))
    ? null
    : `the GEXF sample corpus is not at ${GEXF_KIT}/samples (it sits beside the project in CI)`;
}

/** Runs validate.sh on `text`; returns its verdict and messages. */
export function validateGexf(text: string): { valid: boolean; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kg-gexf-"));
  const file = path.join(dir, "graph.gexf");
  writeFileSync(file, text);
  try {
    const output = execFileSync(path.join(GEXF_KIT, "validate.sh"), [file], { encoding: "utf8", stdio: "pipe" });
    return { valid: true, output };
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string };
    return { valid: false, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The sample files SOURCES.md lists as valid (also those valid only with --lenient-ns), relative to samples/. */
export function validSamples(sources: string): string[] {
  const files: string[] = [];
  for (const line of sources.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 4 || !cells[1].endsWith(".gexf")) continue;
    const status = cells[cells.length - 2];
    if (status.startsWith("valid")) files.push(cells[1]);
  }
  return files;
}
