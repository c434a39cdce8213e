/**
 * Latest run: calls made while the task runs collapse into one more run after it, and a failure is reported.
 */
import { describe, expect, it } from "vitest";
import { latestRun } from "../../../web/app/latestRun.ts";

/** A task whose runs finish only when the test says so. */
function controlledTask() {
  const pending: (() => void)[] = [];
  let started = 0;
  const task = () => {
    started++;
    return new Promise<void>((resolve) => pending.push(resolve));
  };
  const finishNext = async () => {
    pending.shift()!();
    // Let the finally() of the run settle.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { task, finishNext, started: () => started, pending: () => pending.length };
}

describe("web latestRun", () => {
  it("runs once more after the current run however many calls came meanwhile, never two at once", async () => {
    const t = controlledTask();
    const run = latestRun(t.task, () => undefined);
    run();
    run();
    run();
    run();
    expect(t.started()).toBe(1);
    await t.finishNext();
    expect(t.started()).toBe(2);
    expect(t.pending()).toBe(1);
    await t.finishNext();
    expect(t.started()).toBe(2);
  });

  it("reports a failed run and still runs when asked again", async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const run = latestRun(
      async () => {
        calls++;
        throw new Error("server gone");
      },
      (error) => errors.push(error),
    );
    run();
    await new Promise((resolve) => setTimeout(resolve, 0));
    run();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBe(2);
    expect(errors.map((e) => (e as Error).message)).toEqual(["server gone", "server gone"]);
  });
});
