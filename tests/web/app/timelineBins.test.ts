/**
 * Timeline bins: documents counted per day over a short span and per ISO week over a long one, empty bins included.
 */
import { describe, expect, it } from "vitest";
import { addDays, binDocuments, daysBetween, documentDays, noTimelineReason } from "../../../web/app/timelineBins.ts";

const docs = (...dates: (string | undefined)[]) => dates.map((date, i) => ({ id: `d${i}`, date }));

describe("web timelineBins", () => {
  describe("day arithmetic", () => {
    it("crosses month and leap-year ends in UTC", () => {
      expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
      expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
      expect(daysBetween("2023-12-30", "2024-01-02")).toBe(3);
      expect(daysBetween("2024-01-02", "2023-12-30")).toBe(-3);
    });
  });

  describe("documentDays", () => {
    it("lists each real day once, sorted, and skips undated documents and junk dates", () => {
      expect(documentDays(docs("2024-03-05", undefined, "2024-03-01", "2024-03-05", "2024-02-30", "soon"))).toEqual([
        "2024-03-01",
        "2024-03-05",
      ]);
    });
  });

  describe("binDocuments", () => {
    it("has no bins when no document is dated", () => {
      expect(binDocuments(docs(undefined, "yesterday"))).toBeNull();
      expect(binDocuments([])).toBeNull();
    });

    it("counts per day from the first document's day to the last's, with the empty days between", () => {
      expect(binDocuments(docs("2024-03-03", "2024-03-01", "2024-03-03", undefined))).toEqual({
        unit: "day",
        bins: [
          { start: "2024-03-01", end: "2024-03-01", count: 1 },
          { start: "2024-03-02", end: "2024-03-02", count: 0 },
          { start: "2024-03-03", end: "2024-03-03", count: 2 },
        ],
      });
    });

    it("counts per ISO week, Monday to Sunday, when the span is longer than the daily limit", () => {
      // 2024-01-03 is a Wednesday; 2024-01-15 a Monday.
      const bins = binDocuments(docs("2024-01-03", "2024-01-07", "2024-01-15", "2024-01-16"), { maxDailySpanDays: 7 });
      expect(bins).toEqual({
        unit: "week",
        bins: [
          { start: "2024-01-01", end: "2024-01-07", count: 2 },
          { start: "2024-01-08", end: "2024-01-14", count: 0 },
          { start: "2024-01-15", end: "2024-01-21", count: 2 },
        ],
      });
    });

    it("keeps days for a span of exactly the daily limit and counts every dated document once", () => {
      const dates = ["2024-01-01", "2024-03-01", "2024-01-20", "2024-01-20"];
      const bins = binDocuments(docs(...dates))!;
      expect(bins.unit).toBe("day");
      expect(bins.bins).toHaveLength(daysBetween("2024-01-01", "2024-03-01") + 1);
      expect(bins.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(dates.length);
      expect(binDocuments(docs("2024-01-01", "2024-03-02"))!.unit).toBe("week");
    });
  });

  describe("noTimelineReason", () => {
    it("says there is no timeline without dated documents or with a single day, and names that day", () => {
      expect(noTimelineReason([])).toMatch(/no document is dated/);
      expect(noTimelineReason(["2024-03-01"])).toMatch(/every document is dated 2024-03-01/);
      expect(noTimelineReason(["2024-03-01", "2024-03-02"])).toBeNull();
    });
  });
});
