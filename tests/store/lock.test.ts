import { afterAll, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tryWriteLockSync, withWriteLock } from "../../src/store/lock.ts";
import { bootId, processStartTime } from "../../src/store/processIdentity.ts";
import { dataFilesOf } from "../../src/store/dataFiles.ts";
import { makeTempData } from "../helpers/tempData.ts";

/** A process that takes the lock of the root in argv[1] and writes the file argv[2] while it holds it. */
const WAITER = `
const { withWriteLock } = await import(${JSON.stringify(path.resolve("src/store/lock.ts"))});
const { dataFilesOf } = await import(${JSON.stringify(path.resolve("src/store/dataFiles.ts"))});
const { writeFileSync } = await import("node:fs");
await withWriteLock(dataFilesOf(process.argv[1]), () => writeFileSync(process.argv[2], "child"));
`;

describe("withWriteLock", () => {
  const data = makeTempData();
  const dataFiles = dataFilesOf(data.root);
  afterAll(() => data.remove());

  it("runs the tasks of one process one at a time, in call order", async () => {
    const events: string[] = [];
    const task = (name: string, ms: number) => async () => {
      events.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      withWriteLock(dataFiles, task("a", 30)),
      withWriteLock(dataFiles, task("b", 1)),
      withWriteLock(dataFiles, task("c", 10)),
    ]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(events).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
    expect(existsSync(dataFiles.lockFile)).toBe(false);
  });

  it("writes its token into the lock file and leaves no temporary file beside it", async () => {
    const seen = await withWriteLock(dataFiles, () => readFileSync(dataFiles.lockFile, "utf8"));
    expect(seen).toMatch(new RegExp(`^${process.pid} \\d+ \\d+ `));
    const dir = path.dirname(dataFiles.lockFile);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("keeps the queue going after a task fails", async () => {
    await expect(withWriteLock(dataFiles, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await withWriteLock(dataFiles, () => "next")).toBe("next");
  });

  it("breaks a lock left by a process that no longer exists", async () => {
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    mkdirSync(data.root, { recursive: true });
    writeFileSync(dataFiles.lockFile, `${dead} 0 1`);
    expect(await withWriteLock(dataFiles, () => "got it")).toBe("got it");
  });

  it("waits for a live process's lock and gives up with a message naming the lock file", async () => {
    writeFileSync(dataFiles.lockFile, `${process.ppid} 0 1`);
    await expect(withWriteLock(dataFiles, () => "never", { timeoutMs: 100, pollMs: 10 })).rejects.toThrow(
      /being written by process \d+ .*\.write\.lock.*delete the lock file if no kg process is running/,
    );
    expect(existsSync(dataFiles.lockFile)).toBe(true);
  });

  it("lets a process waiting for the lock take it before the holder takes it again", async () => {
    rmSync(dataFiles.lockFile, { force: true });
    const marker = path.join(path.dirname(data.root), "child-wrote");
    let child: ChildProcess | undefined;
    await withWriteLock(dataFiles, async () => {
      child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", WAITER, data.root, marker]);
      // The child finds the lock held and claims its turn.
      while (!existsSync(`${dataFiles.lockFile}.next`)) await new Promise((resolve) => setTimeout(resolve, 10));
    });
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    const childWroteFirst = await withWriteLock(dataFiles, () => existsSync(marker));
    expect(await exited).toBe(0);
    expect(childWroteFirst).toBe(true);
    expect(existsSync(`${dataFiles.lockFile}.next`)).toBe(false);
  });

  describe.runIf(processStartTime(process.pid) !== null)("with a reused pid (Linux)", () => {
    const selfStart = processStartTime(process.pid)!;
    const boot = bootId() ?? "-";
    const wrong = (start: string) => String(Number(start) + 12345);

    it("records the holder's pid, start time and boot id in the lock file", async () => {
      rmSync(dataFiles.lockFile, { force: true });
      const seen = await withWriteLock(dataFiles, () => readFileSync(dataFiles.lockFile, "utf8"));
      expect(seen.split(" ")).toEqual([String(process.pid), expect.any(String), expect.any(String), selfStart, boot]);
    });

    it("breaks a lock naming this process's own pid with another start time (a previous life in a container)", async () => {
      writeFileSync(dataFiles.lockFile, `${process.pid} 0 1 ${wrong(selfStart)} ${boot}`);
      expect(await withWriteLock(dataFiles, () => "got it", { timeoutMs: 500, pollMs: 10 })).toBe("got it");
    });

    it("breaks a lock of this pid written before start times were recorded", async () => {
      writeFileSync(dataFiles.lockFile, `${process.pid} 0 1`);
      expect(await withWriteLock(dataFiles, () => "got it", { timeoutMs: 500, pollMs: 10 })).toBe("got it");
    });

    it("breaks a lock naming a live pid whose start time differs (the pid was reused)", async () => {
      const parentStart = processStartTime(process.ppid)!;
      writeFileSync(dataFiles.lockFile, `${process.ppid} 0 1 ${wrong(parentStart)} ${boot}`);
      expect(await withWriteLock(dataFiles, () => "got it", { timeoutMs: 500, pollMs: 10 })).toBe("got it");
    });

    it("breaks a lock from another boot", async () => {
      writeFileSync(dataFiles.lockFile, `${process.ppid} 0 1 ${processStartTime(process.ppid)} another-boot`);
      expect(await withWriteLock(dataFiles, () => "got it", { timeoutMs: 500, pollMs: 10 })).toBe("got it");
    });

    it("still waits for a live holder whose start time matches", async () => {
      writeFileSync(dataFiles.lockFile, `${process.ppid} 0 1 ${processStartTime(process.ppid)} ${boot}`);
      await expect(withWriteLock(dataFiles, () => "never", { timeoutMs: 100, pollMs: 10 })).rejects.toThrow(
        /being written by process/,
      );
      expect(existsSync(dataFiles.lockFile)).toBe(true);
    });

    it("takes a lock this very process holds as its own in a synchronous write", () => {
      writeFileSync(dataFiles.lockFile, `${process.pid} 0 1 ${selfStart} ${boot}`);
      const release = tryWriteLockSync(dataFiles);
      expect(release).not.toBeNull();
      release!();
      expect(existsSync(dataFiles.lockFile)).toBe(true);
    });
  });
});
