import { describe, expect, it } from "vitest";
import { forgetOwner, ownerMap, takeLeftover } from "../../src/util/ownerMaps.ts";
import { ownedCache } from "../../src/util/ownedCache.ts";

describe("ownerMaps", () => {
  it("forgets an owner's entries in every owner map and owned cache, and keeps the other owners'", () => {
    const first = ownerMap<object, string>();
    const second = ownerMap<object, number>();
    const cache = ownedCache<object, string>(2);
    const [owner, other] = [{}, {}];
    first.set(owner, "index");
    second.set(owner, 1);
    first.set(other, "kept");
    cache.get(owner, "window", () => "filtered");
    forgetOwner(owner);
    expect(first.has(owner)).toBe(false);
    expect(second.has(owner)).toBe(false);
    expect(first.get(other)).toBe("kept");
    expect(cache.get(owner, "window", () => "made again")).toBe("made again");
  });

  it("sets a forgotten value aside for takeLeftover, once, in a map made with reuse, and in no other", () => {
    const reused = ownerMap<object, string>({ reuse: true });
    const plain = ownerMap<object, string>();
    const owner = {};
    reused.set(owner, "old index");
    plain.set(owner, "old view");
    expect(takeLeftover(reused, owner)).toBeUndefined();
    forgetOwner(owner);
    expect(reused.has(owner)).toBe(false);
    expect(takeLeftover(plain, owner)).toBeUndefined();
    expect(takeLeftover(reused, owner)).toBe("old index");
    expect(takeLeftover(reused, owner)).toBeUndefined();
  });
});
