/**
 * Timeline window: the handles' window kept valid within the documents' span, its query parameters and words, and
 * the steps of "play".
 */
import { describe, expect, it } from "vitest";
import {
  describeWindow,
  isWindowed,
  nextPlayWindow,
  normalizeWindow,
  OPEN_WINDOW,
  windowParams,
  type TimeWindow,
} from "../../../web/app/timelineWindow.ts";

const span = { first: "2024-03-01", last: "2024-03-20" };
const days = ["2024-03-01", "2024-03-05", "2024-03-09", "2024-03-20"];

describe("web timelineWindow", () => {
  describe("normalizeWindow", () => {
    it("keeps a window inside the span as it is", () => {
      const window = { since: "2024-03-02", until: "2024-03-10" };
      expect(normalizeWindow(window, span)).toEqual(window);
    });

    it("opens a side set at or beyond the span's end, so the whole span is the unfiltered graph", () => {
      expect(normalizeWindow({ since: "2024-03-01", until: "2024-03-20" }, span)).toEqual(OPEN_WINDOW);
      expect(normalizeWindow({ since: "2024-02-01", until: "2024-04-01" }, span)).toEqual(OPEN_WINDOW);
      expect(isWindowed(normalizeWindow({ since: "2024-03-01", until: "2024-03-19" }, span))).toBe(true);
    });

    it("swaps an end that comes before the start and drops a day that does not exist", () => {
      expect(normalizeWindow({ since: "2024-03-10", until: "2024-03-02" }, span)).toEqual({
        since: "2024-03-02",
        until: "2024-03-10",
      });
      expect(normalizeWindow({ since: "2024-02-30", until: "" }, span)).toEqual(OPEN_WINDOW);
    });
  });

  describe("windowParams and describeWindow", () => {
    it("writes only the closed sides", () => {
      expect(windowParams(OPEN_WINDOW)).toEqual({});
      expect(windowParams({ since: null, until: "2024-03-09" })).toEqual({ until: "2024-03-09" });
      expect(describeWindow(OPEN_WINDOW)).toBe("All dates");
      expect(describeWindow({ since: "2024-03-02", until: null })).toBe("From 2024-03-02");
      expect(describeWindow({ since: "2024-03-02", until: "2024-03-09" })).toBe("2024-03-02 to 2024-03-09");
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
      expect(play({ since: "2024-03-04", until: null })).toEqual([
        { since: "2024-03-04", until: "2024-03-05" },
        { since: "2024-03-04", until: "2024-03-09" },
        { since: "2024-03-04", until: null },
      ]);
      expect(nextPlayWindow({ since: null, until: "2024-03-06" }, days)).toEqual({ since: null, until: "2024-03-09" });
    });

    it("has no step without days", () => {
      expect(nextPlayWindow(OPEN_WINDOW, [])).toBeNull();
    });
  });
});
