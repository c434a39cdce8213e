import { describe, expect, it } from "vitest";
import { loadExtractContext } from "../../../src/extract/context.ts";
import { EVAL_SETS } from "../../../src/extract/eval/sets.ts";
import { loadGoldSet } from "../../../src/extract/eval/gold.ts";
import { newsDocumentPairs } from "../../../src/extract/learned/examples.ts";
import { unorderedPairKey } from "../../../src/util/pairKey.ts";

describe("extract", () => {
  describe("training pairs from a news document", () => {
    const dir = EVAL_SETS.find((s) => s.name === "news dev 7")!.dir;
    const doc = loadGoldSet(dir)[0];
    const pairs = newsDocumentPairs(doc, loadExtractContext());

    it("says which pairs its gold relates, and no Wikidata property (news gold names none)", () => {
      expect(pairs.annotatesProperties).toBe(false);
      expect(pairs.goldPairs.size).toBe(new Set(doc.relations.map((r) => [r.subject, r.object].sort().join("|"))).size);
      expect(pairs.namedTriples.size).toBe(0);
      expect(pairs.pairs.every((p) => p.properties.length === 0)).toBe(true);
    });

    it("matches extracted entities to gold entities by name, so that some pairs stand for related gold pairs", () => {
      const related = pairs.pairs.filter(
        (p) => p.gh >= 0 && p.gt >= 0 && pairs.goldPairs.has(unorderedPairKey(p.gh, p.gt)),
      );
      expect(related.length).toBeGreaterThan(0);
      for (const p of related) {
        expect(p.gh).toBeLessThan(doc.entities.length);
        expect(p.features.length).toBeGreaterThan(3);
      }
    });
  });
});
