import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { extract } from "./helpers.ts";

const DEV = "tests/fixtures/extract/dev";

/** Seeded slices of the development texts: cut anywhere, including inside words, quotes and names. */
function slices(count: number): string[] {
  const all = readdirSync(DEV)
    .filter((n) => n.endsWith(".txt"))
    .sort()
    .map((n) => readFileSync(path.join(DEV, n), "utf8"))
    .join("\n\n");
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => {
    const start = Math.floor(next() * all.length);
    return all.slice(start, start + Math.floor(next() * 400));
  });
}

describe("extract", () => {
  describe("invariants", () => {
    it("extracts nothing, without error, from blank or symbol-only text", () => {
      for (const text of ["", "  \n ", "???", "- - -", "(", "’s"]) expect(extract(text).entities).toEqual([]);
    });

    it("keeps quotes verbatim, mentions inside the text, ids unique and relation ends known on 200 random slices", () => {
      for (const text of slices(200)) {
        const r = extract(text);
        const ids = new Set(r.entities.map((e) => e.id));
        expect(ids.size).toBe(r.entities.length);
        for (const e of r.entities)
          for (const m of e.mentions) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(m.start).toBeLessThan(m.end);
          }
        for (const x of r.relations) {
          expect(text.slice(x.evidence.start, x.evidence.end)).toBe(x.evidence.quote);
          expect(ids.has(x.source) && ids.has(x.target)).toBe(true);
          expect(x.confidence).toBeGreaterThan(0);
          expect(x.confidence).toBeLessThanOrEqual(1);
        }
      }
    });
  });
});
