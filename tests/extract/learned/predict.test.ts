import { describe, expect, it } from "vitest";
import { extractDocument, loadExtractContext } from "../../../src/extract/index.ts";

const text =
  "Vilnius is the capital of Lithuania. The city hosts the Vilnius University, founded in 1579. " +
  "Jonas Petraitis, a Lithuanian chemist, was born in Kaunas and studied at Vilnius University.";

describe("extract", () => {
  describe("learned relations", () => {
    const context = { ...loadExtractContext() };
    const learned = extractDocument(text, context).relations.filter((r) => r.rule === "learned-pair");

    it("adds relations carrying their Wikidata property, each with a verbatim quote", () => {
      expect(learned.length).toBeGreaterThan(0);
      for (const r of learned) {
        expect(r.wikidata).toMatch(/^P\d+$/);
        expect(r.kind).toBe("typed");
        expect(text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.quote);
        expect(r.confidence).toBeGreaterThan(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
      }
    });

    it("places a city in the country the text names", () => {
      expect(learned).toContainEqual(
        expect.objectContaining({ source: "kaunas", predicate: "in_country", target: "lithuania", wikidata: "P17" }),
      );
    });

    it("maps each property to the ontology predicate that carries it, within the predicate's domain and range", () => {
      const { ontology } = context;
      const types = new Map(extractDocument(text, context).entities.map((e) => [e.id, e.type]));
      for (const r of learned) {
        const def = ontology.predicates[r.predicate];
        expect(def.wikidata).toBe(r.wikidata);
        expect(def.domain).toContain(types.get(r.source));
        expect(def.range).toContain(types.get(r.target));
      }
    });

    it("adds nothing when turned off", () => {
      const rules = extractDocument(text, context, { learned: false }).relations;
      expect(rules.some((r) => r.rule === "learned-pair")).toBe(false);
    });
  });
});
