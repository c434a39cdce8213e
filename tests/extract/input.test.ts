import { describe, expect, it } from "vitest";
import { checkText } from "../../src/extract/index.ts";

describe("extract", () => {
  describe("checkText", () => {
    it("accepts UTF-8 prose and drops a byte-order mark", () => {
      expect(checkText(new TextEncoder().encode("\uFEFFKyiv’s proposal\r\n"))).toEqual({
        ok: true,
        text: "Kyiv’s proposal\r\n",
      });
    });

    it("refuses text over the size limit, saying the limit", () => {
      const r = checkText(new TextEncoder().encode("word ".repeat(30)), 100);
      expect(r).toEqual({ ok: false, message: expect.stringContaining("the limit is 100 bytes") });
    });

    it("refuses empty, binary and non-UTF-8 input", () => {
      expect(checkText(new Uint8Array()).ok).toBe(false);
      expect(checkText(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01]))).toMatchObject({ ok: false });
      expect(checkText(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]))).toEqual({
        ok: false,
        message: expect.stringContaining("not valid UTF-8"),
      });
    });
  });
});
