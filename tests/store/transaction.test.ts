import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { commitWrites, recoverPendingWrites } from "../../src/store/transaction.ts";
import { dataFilesOf, type DataFiles } from "../../src/store/dataFiles.ts";
import { makeTempData, type TempData } from "../helpers/tempData.ts";

describe("staged writes", () => {
  let data: TempData;
  let dataFiles: DataFiles;
  beforeEach(() => {
    data = makeTempData();
    dataFiles = dataFilesOf(data.root);
  });
  afterEach(() => data.remove());

  /** A staging folder as a crash would leave it: `files` staged, COMMIT written or not. */
  function leaveStaging(files: Record<string, string>, committed: boolean): string {
    const tx = path.join(dataFiles.stagingDir, "1-1-1");
    mkdirSync(tx, { recursive: true });
    const manifest = Object.keys(files).map((target, i) => {
      writeFileSync(path.join(tx, String(i)), files[target]);
      return { staged: String(i), target };
    });
    if (committed) writeFileSync(path.join(tx, "COMMIT"), JSON.stringify({ files: manifest }));
    return tx;
  }

  it("writes every file of a commit and leaves no staging behind", () => {
    commitWrites(dataFiles, [
      { target: "extracted/x.yaml", content: "a" },
      { target: "decisions.yaml", content: "b" },
    ]);
    expect(data.read("extracted/x.yaml")).toBe("a");
    expect(data.read("decisions.yaml")).toBe("b");
    expect(existsSync(dataFiles.stagingDir)).toBe(false);
  });

  it("refuses targets outside the root, writing nothing", () => {
    expect(() =>
      commitWrites(dataFiles, [
        { target: "decisions.yaml", content: "b" },
        { target: "../escape.txt", content: "x" },
      ]),
    ).toThrow(/outside the graph-data root/);
    expect(existsSync(path.join(data.root, "decisions.yaml"))).toBe(false);
    expect(existsSync(path.join(path.dirname(data.root), "escape.txt"))).toBe(false);
  });

  it("discards a write that had not reached its commit point", () => {
    leaveStaging({ "decisions.yaml": "new" }, false);
    recoverPendingWrites(dataFiles);
    expect(existsSync(path.join(data.root, "decisions.yaml"))).toBe(false);
    expect(existsSync(dataFiles.stagingDir)).toBe(false);
  });

  it("finishes a committed write whose renames were cut short", () => {
    const tx = leaveStaging({ "decisions.yaml": "decided", "extracted/y.yaml": "facts" }, true);
    // The first file was already renamed before the crash.
    writeFileSync(path.join(data.root, "decisions.yaml"), readFileSync(path.join(tx, "0")));
    rmSync(path.join(tx, "0"));
    recoverPendingWrites(dataFiles);
    expect(data.read("decisions.yaml")).toBe("decided");
    expect(data.read("extracted/y.yaml")).toBe("facts");
    expect(existsSync(dataFiles.stagingDir)).toBe(false);
  });

  it("leaves another live process's staging alone", () => {
    leaveStaging({ "decisions.yaml": "theirs" }, false);
    writeFileSync(dataFiles.lockFile, `${process.ppid} 0 1`);
    recoverPendingWrites(dataFiles);
    expect(existsSync(path.join(dataFiles.stagingDir, "1-1-1", "0"))).toBe(true);
  });
});
