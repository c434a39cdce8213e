/**
 * Owned caches: a value is made once per owner and key, the least recently used goes first, owners do not share.
 */
import { describe, expect, it } from "vitest";
import { ownedCache } from "../../src/util/ownedCache.ts";

describe("ownedCache", () => {
  it("makes a value once per owner and key", () => {
    const cache = ownedCache<object, number>(2);
    const [a, b] = [{}, {}];
    let made = 0;
    const make = () => ++made;
    expect(cache.get(a, "x", make)).toBe(1);
    expect(cache.get(a, "x", make)).toBe(1);
    expect(cache.get(b, "x", make)).toBe(2);
  });

  it("drops the least recently used key of an owner beyond its size", () => {
    const cache = ownedCache<object, string>(2);
    const owner = {};
    cache.get(owner, "x", () => "x1");
    cache.get(owner, "y", () => "y1");
    cache.get(owner, "x", () => "x2");
    cache.get(owner, "z", () => "z1");
    expect(cache.get(owner, "x", () => "x3")).toBe("x1");
    expect(cache.get(owner, "y", () => "y2")).toBe("y2");
  });
});
