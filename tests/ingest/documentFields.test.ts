/**
 * Document fields: dates must be real days, and one-line fields (title, author, outlet) refuse the characters the
 * text refuses — controls, lone surrogates — and bidi overrides, which would reorder how they are shown.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentFieldsSchema } from "../../src/ingest/documentInput.ts";
import { isCalendarDate } from "../../src/model/calendarDate.ts";
import { writeHarness, type WriteHarness } from "./harness.ts";

describe("isCalendarDate", () => {
  it("accepts real days, leap days included", () => {
    for (const date of ["2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2023-04-30"])
      expect(isCalendarDate(date), date).toBe(true);
  });

  it("refuses days a month does not have, year zero and malformed dates", () => {
    for (const date of ["2024-02-30", "2023-02-29", "1900-02-29", "0000-01-01", "2024-04-31", "2024-13-01", "2024-1-1"])
      expect(isCalendarDate(date), date).toBe(false);
  });
});

describe("DocumentFieldsSchema", () => {
  const UNPRINTABLE = {
    NUL: "a\u0000b",
    ESC: "a\u001b[31mb",
    "a line break": "a\nb",
    "a right-to-left override": "evil\u202etxt.exe",
    "a bidi isolate": "a\u2066b\u2069",
    "a lone surrogate": "a\ud800b",
  };

  for (const field of ["title", "author", "outlet"] as const) {
    it(`refuses a ${field} holding control, bidi or lone-surrogate characters, naming the field`, () => {
      for (const [what, value] of Object.entries(UNPRINTABLE)) {
        const parsed = DocumentFieldsSchema.safeParse({ title: "T", [field]: value });
        expect(parsed.success, `${field} with ${what}`).toBe(false);
        expect(parsed.error?.issues[0].message, what).toMatch(new RegExp(`^${field}: `));
      }
    });
  }

  it("accepts ordinary titles in any script", () => {
    for (const title of ["Talks resume", "Переговоры", "محادثات السلام", "会談 😀", "O’Brien — “quoted”"])
      expect(DocumentFieldsSchema.safeParse({ title }).success, title).toBe(true);
  });
});

describe("POST /api/documents with bad fields", () => {
  let h: WriteHarness;
  beforeAll(() => {
    h = writeHarness();
  });
  afterAll(() => h.remove());

  const cases: [string, Record<string, string>, RegExp][] = [
    ["a 30 February", { date: "2024-02-30" }, /date: not a calendar date/],
    ["year zero", { date: "0000-01-01" }, /date: not a calendar date/],
    ["a NUL in the title", { title: "a\u0000b" }, /title: the control or bidi character U\+0000/],
    ["an ESC in the author", { author: "x\u001by" }, /author: the control or bidi character U\+001B/],
    ["a bidi override in the title", { title: "a\u202eb" }, /U\+202E/],
  ];
  for (const [what, fields, message] of cases) {
    it(`answers 400 to ${what} and stores nothing`, async () => {
      const version = h.ctx.served.version;
      const body = { title: "Fine", text: `Acme Corp supports Globex Inc (${what}).`, ...fields };
      const res = await request(h.app).post("/api/documents").send(body).expect(400);
      expect(res.body.error.message).toMatch(message);
      expect(h.ctx.served.version).toBe(version);
    });
  }
});
