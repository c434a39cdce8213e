/**
 * Document dates: a document is dated by the day given with it, else a day in its URL, else the day it was added —
 * and each answer says which.
 */
import { describe, expect, it } from "vitest";
import { dayOf } from "../../src/model/calendarDate.ts";
import { documentDate, urlDay } from "../../src/model/documentDate.ts";

describe("documentDate", () => {
  it("takes the given publication date first", () => {
    const meta = { published: "2022-03-15", url: "https://example.com/2021/01/02/x", addedAt: "2024-05-06T10:00:00Z" };
    expect(documentDate(meta)).toEqual({ date: "2022-03-15", dateSource: "given" });
  });

  it("reads the day from the URL when no date was given", () => {
    const meta = { url: "https://news.example.com/world/2021/01/02/talks-resume", addedAt: "2024-05-06T10:00:00Z" };
    expect(documentDate(meta)).toEqual({ date: "2021-01-02", dateSource: "metadata" });
  });

  it("falls back to the day the document was added, then to its file's day", () => {
    expect(documentDate({ addedAt: "2024-05-06T23:59:00.000Z" })).toEqual({
      date: "2024-05-06",
      dateSource: "ingested",
    });
    expect(documentDate({}, "2023-07-08")).toEqual({ date: "2023-07-08", dateSource: "ingested" });
  });

  it("skips a given date that is not a real day and says null when nothing dates the document", () => {
    expect(documentDate({ published: "2022-02-30", addedAt: "2024-05-06T10:00:00Z" })?.dateSource).toBe("ingested");
    expect(documentDate({ published: "last spring" })).toBeNull();
  });
});

describe("urlDay", () => {
  it("finds /YYYY/MM/DD/ and YYYY-MM-DD in the path only", () => {
    expect(urlDay("https://example.com/2022-03-15-talks")).toBe("2022-03-15");
    expect(urlDay("https://example.com/story?date=2022/03/15")).toBeNull();
    expect(urlDay("https://example.com/2022/13/15/x")).toBeNull();
    expect(urlDay("not a url")).toBeNull();
  });
});

describe("dayOf", () => {
  it("takes the day a date or timestamp is written with", () => {
    expect(dayOf("2022-03-15T23:30:00-05:00")).toBe("2022-03-15");
    expect(dayOf("2022-03-15")).toBe("2022-03-15");
    expect(dayOf("15 March 2022")).toBeNull();
    expect(dayOf(undefined)).toBeNull();
  });
});
