/**
 * Shareable view links: the URL hash written by the page reads back as the same view, and junk is ignored.
 */
import { describe, expect, it } from "vitest";
import { formatViewHash, historyKey, parseViewHash, type SharedView } from "../../../web/app/viewHash.ts";

describe("web viewHash", () => {
  it("reads back what it writes: selection, path query and the path shown, filters, time window, support and camera", () => {
    const view: SharedView = {
      selection: { kind: "node", id: "mykhailo-podolyak" },
      path: { from: "antony-blinken", to: "Mykhailo Podolyak", k: 4, maxHops: 3, shown: 2 },
      hiddenTypes: ["date", "quantity"],
      hiddenPredicates: ["mentioned_with"],
      window: { since: "2024-03-01", until: "2024-03-09", minSupport: 2 },
      camera: { x: 0.25, y: 0.75, ratio: 0.5 },
    };
    expect(parseViewHash(formatViewHash(view))).toEqual(view);
  });

  it("writes nothing for the default view", () => {
    const view: SharedView = {
      selection: null,
      path: null,
      hiddenTypes: [],
      hiddenPredicates: [],
      window: { since: null, until: null, minSupport: 1 },
      camera: null,
    };
    expect(formatViewHash(view)).toBe("");
    expect(parseViewHash("")).toEqual(view);
  });

  it("reads an edge selection", () => {
    expect(parseViewHash("#edge=podolyak-negotiates-for-ukraine").selection).toEqual({
      kind: "edge",
      id: "podolyak-negotiates-for-ukraine",
    });
  });

  it("ignores a camera that is not three finite numbers with a positive zoom, and a path missing an end", () => {
    expect(parseViewHash("#cam=1,2").camera).toBeNull();
    expect(parseViewHash("#cam=1,x,1").camera).toBeNull();
    expect(parseViewHash("#cam=0.5,0.5,0").camera).toBeNull();
    expect(parseViewHash("#from=ukraine").path).toBeNull();
  });

  it("leaves out a k, max hops or path number that is not a whole number from 1, and shows the first path then", () => {
    expect(parseViewHash("#from=a&to=b&k=0&hops=2.5&p=x").path).toEqual({
      from: "a",
      to: "b",
      k: null,
      maxHops: null,
      shown: 0,
    });
    expect(formatViewHash({ ...parseViewHash(""), path: { from: "a", to: "b", k: 3, maxHops: null, shown: 0 } })).toBe(
      "#from=a&to=b&k=3",
    );
  });

  it("keeps an open side of the time window open and leaves out a day that does not exist", () => {
    expect(parseViewHash("#until=2024-03-09").window).toEqual({ since: null, until: "2024-03-09", minSupport: 1 });
    expect(parseViewHash("#since=2023-02-29&until=March").window).toEqual({ since: null, until: null, minSupport: 1 });
    expect(historyKey("#since=2024-03-01")).not.toBe(historyKey("#since=2024-03-02"));
    // The server refuses a window ending before it starts; a link written that way means the same days.
    expect(parseViewHash("#since=2024-03-09&until=2024-03-01").window).toEqual({
      since: "2024-03-01",
      until: "2024-03-09",
      minSupport: 1,
    });
  });

  it("reads the minimum support as support=N, and 1 (every relation) for anything but a whole number from 1", () => {
    expect(parseViewHash("#support=3").window.minSupport).toBe(3);
    for (const junk of ["0", "-2", "1.5", "two", ""])
      expect(parseViewHash(`#support=${junk}`).window.minSupport).toBe(1);
    expect(formatViewHash({ ...parseViewHash(""), window: { since: null, until: null, minSupport: 2 } })).toBe(
      "#support=2",
    );
    expect(historyKey("#support=2")).not.toBe(historyKey("#support=3"));
  });

  describe("historyKey", () => {
    it("tells states apart by everything but the camera", () => {
      expect(historyKey("#node=ukraine&cam=0.5,0.5,1")).toBe(historyKey("#node=ukraine&cam=0.1,0.2,0.3"));
      expect(historyKey("#node=ukraine")).not.toBe(historyKey("#node=russia"));
      expect(historyKey("#from=a&to=b&p=2")).not.toBe(historyKey("#from=a&to=b"));
      expect(historyKey("")).toBe(historyKey("#cam=0.5,0.5,1"));
    });
  });
});
