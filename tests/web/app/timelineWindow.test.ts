/**
 * Timeline window: the handles' window kept valid within the documents' span, its minimum support, its query
 * parameters and words, the support choices offered, and the steps of "play".
 */
import { describe, expect, it } from "vitest";
import {
  describeSupport,
  describeWindow,
  isWindowed,
  nextPlayWindow,
  normalizeWindow,
  OPEN_WINDOW,
  supportChoices,
  windowParams,
  type TimeWindow,
} from "../../../web/app/timelineWindow.ts";

const span = { first: "2024-03-01", last: "2024-03-20" };
/** A window of days `since` to `until` keeping relations stated by at least `minSupport` documents. */
const win = (since: string | null, until: string | null, minSupport = 1): TimeWindow => ({ since, until, minSupport });
const days = ["2024-03-01", "2024-03-05", "2024-03-09", "2024-03-20"];

describe("web timelineWindow", () => {
  describe("normalizeWindow", () => {
    it("keeps a window inside the span as it is", () => {
      const window = win("2024-03-02", "2024-03-10");
      expect(normalizeWindow(window, span)).toEqual(window);
    });

    it("opens a side set at or beyond the span's end, so the whole span is the unfiltered graph", () => {
      expect(normalizeWindow(win("2024-03-01", "2024-03-20"), span)).toEqual(OPEN_WINDOW);
      expect(normalizeWindow(win("2024-02-01", "2024-04-01"), span)).toEqual(OPEN_WINDOW);
      expect(isWindowed(normalizeWindow(win("2024-03-01", "2024-03-19"), span))).toBe(true);
    });

    it("swaps an end that comes before the start and drops a day that does not exist", () => {
      expect(normalizeWindow(win("2024-03-10", "2024-03-02"), span)).toEqual(win("2024-03-02", "2024-03-10"));
      expect(normalizeWindow(win("2024-02-30", ""), span)).toEqual(OPEN_WINDOW);
    });
  });

  describe("windowParams and describeWindow", () => {
    it("writes only the closed sides", () => {
      expect(windowParams(OPEN_WINDOW)).toEqual({});
      expect(windowParams(win(null, "2024-03-09"))).toEqual({ until: "2024-03-09" });
      expect(describeWindow(OPEN_WINDOW)).toBe("All dates");
      expect(describeWindow(win("2024-03-02", null))).toBe("From 2024-03-02");
      expect(describeWindow(win("2024-03-02", "2024-03-09"))).toBe("2024-03-02 to 2024-03-09");
    });
  });

  describe("minimum support", () => {
    it("counts as filtering, is written as minSupport above 1 and said in words", () => {
      expect(isWindowed(win(null, null, 2))).toBe(true);
      expect(windowParams(win(null, "2024-03-09", 2))).toEqual({ until: "2024-03-09", minSupport: "2" });
      expect(describeWindow(win(null, null, 3))).toBe("All dates · at least 3 sources");
      expect(describeWindow(win("2024-03-02", null, 2))).toBe("From 2024-03-02 · at least 2 sources");
    });

    it("is kept by normalizeWindow and play, and made a whole number of at least 1", () => {
      expect(normalizeWindow(win("2024-02-01", null, 2), span)).toEqual(win(null, null, 2));
      expect(normalizeWindow(win(null, null, 0), span)).toEqual(OPEN_WINDOW);
      expect(normalizeWindow(win(null, null, 2.5), span)).toEqual(OPEN_WINDOW);
      expect(nextPlayWindow(win(null, null, 2), days)).toEqual(win(null, "2024-03-01", 2));
    });

    it("offers 1 up to the number of documents, capped, plus a larger one a link asks for", () => {
      expect(supportChoices(3, 1, 10)).toEqual([1, 2, 3]);
      expect(supportChoices(40, 1, 5)).toEqual([1, 2, 3, 4, 5]);
      expect(supportChoices(1, 1, 10)).toEqual([1]);
      expect(supportChoices(0, 1, 10)).toEqual([1]);
      expect(supportChoices(3, 7, 10)).toEqual([1, 2, 3, 7]);
      expect(describeSupport(1)).toBe("1 source (every relation)");
      expect(describeSupport(4)).toBe("4 sources");
    });
  });

  describe("nextPlayWindow", () => {
    /** Every window play goes through from `start` until it stops. */
    const play = (start: TimeWindow) => {
      const steps: TimeWindow[] = [];
      for (let w = nextPlayWindow(start, days); w; w = w.until === null ? null : nextPlayWindow(w, days)) steps.push(w);
      return steps;
    };

    it("starts an open window over at the first day and steps its end through each document day to the last", () => {
      expect(play(OPEN_WINDOW).map((w) => w.until)).toEqual(["2024-03-01", "2024-03-05", "2024-03-09", null]);
    });

    it("keeps the start and begins at the first day within the window", () => {
      expect(play(win("2024-03-04", null))).toEqual([
        win("2024-03-04", "2024-03-05"),
        win("2024-03-04", "2024-03-09"),
        win("2024-03-04", null),
      ]);
      expect(nextPlayWindow(win(null, "2024-03-06"), days)).toEqual(win(null, "2024-03-09"));
    });

    it("has no step without days", () => {
      expect(nextPlayWindow(OPEN_WINDOW, [])).toBeNull();
    });
  });
});
