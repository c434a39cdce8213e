import { describe, expect, it } from "vitest";
import { shallowCopy } from "../../src/util/shallowCopy.ts";

describe("shallowCopy", () => {
  it("copies own properties one level deep, in order, as a spread does", () => {
    const evidence = [{ doc: "d1" }];
    const attributes = { predicate: "supports", evidence, support: 1 };
    const copy = shallowCopy(attributes);
    expect(copy).not.toBe(attributes);
    expect(copy).toStrictEqual({ ...attributes });
    expect(Object.keys(copy)).toEqual(["predicate", "evidence", "support"]);
    expect(copy.evidence).toBe(evidence);
  });

  it("copies a property named __proto__ as a property, never as the copy's prototype", () => {
    const attributes = JSON.parse('{"label":"x","__proto__":{"polluted":true}}') as Record<string, unknown>;
    const copy = shallowCopy(attributes);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, "__proto__")).toBe(true);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
