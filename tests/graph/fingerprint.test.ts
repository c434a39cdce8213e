import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fingerprintInputs, fingerprintInputsAsync } from "../../src/graph/fingerprint.ts";
import { dataFilesOf } from "../../src/store/dataFiles.ts";
import { makeTempData } from "../helpers/tempData.ts";

describe("fingerprintInputs", () => {
  // One copy for all: each test compares fingerprints it takes itself.
  const data = makeTempData();
  const dataFiles = dataFilesOf(data.root);
  afterAll(() => data.remove());

  it("is the same for the same files, and ignores the build output", () => {
    const first = fingerprintInputs(dataFiles);
    mkdirSync(dataFiles.buildDir, { recursive: true });
    writeFileSync(path.join(dataFiles.buildDir, "graph.json"), "{}");
    expect(fingerprintInputs(dataFiles)).toBe(first);
  });

  it("changes when a file is added or removed", () => {
    const first = fingerprintInputs(dataFiles);
    data.write("notes.yaml", "a: 1\n");
    const added = fingerprintInputs(dataFiles);
    expect(added).not.toBe(first);
    rmSync(path.join(data.root, "notes.yaml"));
    expect(fingerprintInputs(dataFiles)).toBe(first);
  });

  it("changes when a file is rewritten with the same size and its modification time put back", () => {
    const file = path.join(data.root, "entities.yaml");
    const first = fingerprintInputs(dataFiles);
    const { atime, mtime } = statSync(file);
    data.edit("entities.yaml", (text) => text.replace("person", "PERSON"));
    utimesSync(file, atime, mtime);
    expect(fingerprintInputs(dataFiles)).not.toBe(first);
  });

  it("gives the same value when taken without holding the event loop, before and after a change", async () => {
    expect(await fingerprintInputsAsync(dataFiles)).toBe(fingerprintInputs(dataFiles));
    mkdirSync(path.join(data.root, "more"));
    data.write("more/notes.yaml", "b: 2\n");
    const changed = await fingerprintInputsAsync(dataFiles);
    expect(changed).toBe(fingerprintInputs(dataFiles));
    rmSync(path.join(data.root, "more"), { recursive: true });
    expect(await fingerprintInputsAsync(dataFiles)).not.toBe(changed);
  });
});
