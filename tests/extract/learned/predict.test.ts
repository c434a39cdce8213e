import { describe, expect, it } from "vitest";
import { extractDocument, loadExtractContext } from "../../../src/extract/index.ts";
import { runRules } from "../../../src/extract/extract.ts";
import { loadPairModel } from "../../../src/extract/learned/model.ts";
import { withLearnedRelations } from "../../../src/extract/learned/predict.ts";
import { DEFAULT_EXTRACT_OPTIONS } from "../../../src/extract/types.ts";

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
      expect(rules.some((r) => r.rule === "learned-pair" || r.rule === "learned-association")).toBe(false);
    });
  });

  describe("learned associations", () => {
    const context = { ...loadExtractContext() };
    const model = loadPairModel();
    const story =
      "Marta Kowalczyk is a Polish composer. She wrote the score for Silent Harbour, a film by Tomasz Nowak. " +
      "The film premiered at the Gdynia Film Festival. Kowalczyk later taught at the Academy of Music in Krakow.";
    const rules = runRules(story, context, { ...DEFAULT_EXTRACT_OPTIONS, learned: false });
    const at = (associationThreshold: number) =>
      withLearnedRelations(rules.view, rules.relations, { ...model, associationThreshold });

    it("links related pairs nothing else links, as open relations below the rules' open ceiling", () => {
      const relations = at(0.2);
      const associations = relations.filter((r) => r.rule === "learned-association");
      expect(associations.length).toBeGreaterThan(0);
      for (const r of associations) {
        expect(r).toMatchObject({ kind: "open", predicate: "related_to", label: "associated with" });
        expect(r.confidence).toBeLessThanOrEqual(0.5);
        expect(story.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.quote);
        const others = relations.filter(
          (o) => o !== r && [o.source, o.target].sort().join() === [r.source, r.target].sort().join(),
        );
        expect(others).toEqual([]);
      }
    });

    it("adds no association below the model's relatedness threshold, and more as it falls", () => {
      const count = (t: number) => at(t).filter((r) => r.rule === "learned-association").length;
      expect(count(1.01)).toBe(0);
      expect(count(0)).toBeGreaterThan(count(0.2));
    });
  });
});
