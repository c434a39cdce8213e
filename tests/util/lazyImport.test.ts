import { describe, expect, it } from "vitest";
import { lazyImport } from "../../src/util/lazyImport.ts";

describe("lazyImport", () => {
  it("imports nothing until called, then once however often it is called", async () => {
    let imports = 0;
    const load = lazyImport(
      async () => ({ answer: ++imports }),
      (error) => error,
    );
    expect(imports).toBe(0);
    const [a, b] = await Promise.all([load(), load()]);
    expect(await load()).toBe(a);
    expect(b).toBe(a);
    expect(imports).toBe(1);
  });

  it("rethrows a failed import as the error that says how to fix it, and tries again on the next call", async () => {
    let calls = 0;
    const load = lazyImport(
      async () => {
        if (++calls === 1) throw new Error("Cannot find package 'x'");
        return { ok: true };
      },
      (error) => new Error(`the reader cannot be loaded (${error.message}); run "npm install"`),
    );
    await expect(load()).rejects.toThrow(`the reader cannot be loaded (Cannot find package 'x'); run "npm install"`);
    await expect(load()).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);
  });
});
