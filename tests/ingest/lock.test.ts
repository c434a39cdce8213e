import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { withWriteLock } from "../../src/ingest/lock.ts";
import { dataLayout } from "../../src/store/layout.ts";
import { makeTempData } from "../helpers/tempData.ts";

describe("withWriteLock", () => {
  const data = makeTempData();
  const layout = dataLayout(data.root);
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
      withWriteLock(layout, task("a", 30)),
      withWriteLock(layout, task("b", 1)),
      withWriteLock(layout, task("c", 10)),
    ]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(events).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
    expect(existsSync(layout.lockFile)).toBe(false);
  });

  it("keeps the queue going after a task fails", async () => {
    await expect(withWriteLock(layout, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await withWriteLock(layout, () => "next")).toBe("next");
  });

  it("breaks a lock left by a process that no longer exists", async () => {
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    mkdirSync(data.root, { recursive: true });
    writeFileSync(layout.lockFile, `${dead} 0 1`);
    expect(await withWriteLock(layout, () => "got it")).toBe("got it");
  });

  it("waits for a live process's lock and gives up with a message naming the lock file", async () => {
    writeFileSync(layout.lockFile, `${process.ppid} 0 1`);
    await expect(withWriteLock(layout, () => "never", { timeoutMs: 100, pollMs: 10 })).rejects.toThrow(
      /being written by process \d+ .*\.write\.lock.*delete the lock file if no kg process is running/,
    );
    expect(existsSync(layout.lockFile)).toBe(true);
  });
});
