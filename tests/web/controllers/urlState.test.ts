/**
 * Shareable view links: the URL hash written by the page reads back as the same view, and junk is ignored.
 */
import { describe, expect, it } from "vitest";
import { formatViewHash, parseViewHash, type SharedView } from "../../../web/controllers/urlState.ts";

describe("web urlState", () => {
  it("reads back what it writes: selection, path ends, filters and camera", () => {
    const view: SharedView = {
      selection: { kind: "node", id: "mykhailo-podolyak" },
      path: { from: "antony-blinken", to: "Mykhailo Podolyak" },
      hiddenTypes: ["date", "quantity"],
      hiddenPredicates: ["mentioned_with"],
      camera: { x: 0.25, y: 0.75, ratio: 0.5 },
    };
    expect(parseViewHash(formatViewHash(view))).toEqual(view);
  });

  it("writes nothing for the default view", () => {
    const view: SharedView = { selection: null, path: null, hiddenTypes: [], hiddenPredicates: [], camera: null };
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
});
