import { describe, expect, it } from "vitest";
import { drain, runInSlices, type Steps } from "../../src/util/slices.ts";

/** Sums 1..n, pausing after each number. */
function* sumTo(n: number): Steps<number> {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += i;
    yield;
  }
  return sum;
}

describe("slices", () => {
  describe("drain", () => {
    it("runs the steps to the end at once and returns their result", () => {
      expect(drain(sumTo(100))).toBe(5050);
    });
  });

  describe("runInSlices", () => {
    it("returns the same result as a run in one go", async () => {
      expect((await runInSlices(sumTo(100), { sliceMs: 0 })).value).toBe(drain(sumTo(100)));
    });

    it("yields to the event loop at every step when a slice may last 0 ms", async () => {
      expect((await runInSlices(sumTo(5), { sliceMs: 0 })).slices).toBe(6);
    });

    it("lets other callbacks run between its slices", async () => {
      const seen: string[] = [];
      function* steps(): Steps<void> {
        for (let i = 0; i < 3; i++) {
          seen.push(`step ${i}`);
          yield;
        }
      }
      const other = () => setImmediate(() => seen.push("other") < 20 && other());
      other();
      await runInSlices(steps(), { sliceMs: 0 });
      const between = (a: string, b: string) => seen.slice(seen.indexOf(a) + 1, seen.indexOf(b));
      expect(between("step 0", "step 1")).toContain("other");
      expect(between("step 1", "step 2")).toContain("other");
    });

    it("never yields when a slice may last longer than the whole job", async () => {
      expect((await runInSlices(sumTo(5), { sliceMs: 60_000 })).slices).toBe(1);
    });
  });
});
