/**
 * The PNG's file name says what it holds: the graph's name, then the view it shows.
 */
import { describe, expect, it } from "vitest";
import { pngFileName, slug } from "../../../web/app/fileNames.ts";

describe("web fileNames", () => {
  it("folds a name to lower-case ASCII words joined by dashes", () => {
    expect(slug("Evidence graph")).toBe("evidence-graph");
    expect(slug("Ukraine–Russia peace talks")).toBe("ukraine-russia-peace-talks");
    expect(slug("Zelénskyy's office")).toBe("zelenskyy-s-office");
    expect(slug("…")).toBe("graph");
    expect(slug("a".repeat(100)).length).toBe(60);
  });

  it("names a PNG by what the view shows", () => {
    expect(pngFileName("Evidence graph", null)).toBe("evidence-graph-view.png");
    expect(pngFileName("Evidence graph", "path Antony Blinken to Mykhailo Podolyak")).toBe(
      "evidence-graph-path-antony-blinken-to-mykhailo-podolyak.png",
    );
  });
});
