import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { throttle } from "../../src/util/throttle.ts";

describe("throttle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs once, the delay after the first call of a burst", () => {
    const run = vi.fn();
    const throttled = throttle(run, 250);
    throttled();
    vi.advanceTimersByTime(100);
    throttled();
    vi.advanceTimersByTime(149);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("keeps running while the calls never pause", () => {
    const run = vi.fn();
    const throttled = throttle(run, 250);
    for (let ms = 0; ms < 1000; ms += 50) {
      throttled();
      vi.advanceTimersByTime(50);
    }
    expect(run).toHaveBeenCalledTimes(4);
  });

  it("does not run after being cancelled", () => {
    const run = vi.fn();
    const throttled = throttle(run, 250);
    throttled();
    throttled.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
