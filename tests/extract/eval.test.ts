import { describe, expect, it } from "vitest";
import { loadExtractContext } from "../../src/extract/index.ts";
import { EVAL_SETS } from "../../src/extract/eval/sets.ts";
import { loadGoldSet, type GoldDocument } from "../../src/extract/eval/gold.ts";
import { matchDocument } from "../../src/extract/eval/match.ts";
import { prf, scoreSet } from "../../src/extract/eval/score.ts";
import type { Extraction } from "../../src/extract/index.ts";

const gold: GoldDocument = {
  name: "t",
  file: "t.gold.yaml",
  text: "t.txt",
  content: "",
  entities: [
    { label: "United States", type: "country", aliases: ["Washington"] },
    { label: "Antony Blinken", type: "person", aliases: ["Blinken"] },
    { label: "Russia", type: "country", aliases: [] },
  ],
  relations: [
    { subject: "Antony Blinken", predicate: "official_of", object: "United States" },
    { subject: "United States", predicate: "negotiates_with", object: "Russia" },
  ],
};

const span = [{ start: 0, end: 1 }];
const entity = (id: string, label: string, type: string, aliases: string[] = []) =>
  ({ id, label, type, aliases, mentions: span }) as Extraction["entities"][number];
const typed = (source: string, predicate: string, target: string) =>
  ({
    source,
    target,
    predicate,
    kind: "typed",
    confidence: 1,
    stance: "neutral",
    modality: "asserted",
    rule: "t",
    evidence: { quote: "x", start: 0, end: 1 },
  }) as const;

describe("extract", () => {
  describe("eval", () => {
    const { ontology } = loadExtractContext();

    it("matches entities by any normalised name and the same type, one to one", () => {
      const counts = matchDocument(
        gold,
        {
          entities: [
            entity("us", "the Washington", "country"),
            entity("blinken", "Blinken", "person"),
            entity("blinken-2", "Antony Blinken", "person"), // a missed merge is a false positive
            entity("russia", "Russia", "organization"), // wrong type
            entity("talks", "peace talks", "event"), // unscored type: ignored
          ],
          relations: [],
          merges: [],
        },
        ontology,
      );
      expect(counts.entities).toEqual({ tp: 2, fp: 2, fn: 1 });
    });

    it("matches relations by subject, predicate and object, either order for symmetric predicates", () => {
      const counts = matchDocument(
        gold,
        {
          entities: [
            entity("us", "United States", "country"),
            entity("ab", "Antony Blinken", "person"),
            entity("ru", "Russia", "country"),
          ],
          relations: [
            typed("ru", "negotiates_with", "us"),
            typed("us", "official_of", "ab"),
            typed("us", "opposes", "ru"),
          ],
          merges: [],
        },
        ontology,
      );
      expect(counts.relations).toEqual({ tp: 1, fp: 2, fn: 1 });
      expect(counts.pairs).toEqual({ tp: 2, fp: 0, fn: 0 });
    });

    it("counts a gold pair as connected by any typed or open relation, in either direction, but not by co-occurrence", () => {
      const entities = [
        entity("us", "United States", "country"),
        entity("ab", "Antony Blinken", "person"),
        entity("ru", "Russia", "country"),
      ];
      const open = { ...typed("us", "related_to", "ab"), kind: "open" as const, label: "sent" };
      const cooccurrence = { ...typed("us", "mentioned_with", "ru"), kind: "cooccurrence" as const };
      const wrongPair = typed("ab", "opposes", "ru");
      const counts = matchDocument(
        gold,
        { entities, relations: [open, cooccurrence, wrongPair], merges: [] },
        ontology,
      );
      expect(counts.pairs).toEqual({ tp: 1, fp: 1, fn: 1 });
    });

    it("computes precision, recall and F1, with an empty denominator counting as 1", () => {
      expect(prf({ tp: 3, fp: 1, fn: 3 })).toEqual({ precision: 0.75, recall: 0.5, f1: 0.6 });
      expect(prf({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
    });

    it("loads every gold file of every set, whose relations name gold entities and ontology predicates", () => {
      for (const set of EVAL_SETS) {
        const docs = loadGoldSet(set.dir);
        expect(docs.length).toBeGreaterThanOrEqual(2);
        for (const d of docs) for (const r of d.relations) expect(ontology.predicates).toHaveProperty(r.predicate);
      }
      expect(loadGoldSet(EVAL_SETS[0].dir).map((d) => d.name)).toContain("seed");
      const named = (name: string) => EVAL_SETS.find((s) => s.name === name)!.dir;
      expect(loadGoldSet(named("news (held-out)")).length).toBeGreaterThanOrEqual(10);
      expect(loadGoldSet(named("news dev")).length).toBeGreaterThanOrEqual(10);
      expect(loadGoldSet(named("news dev 2")).length).toBeGreaterThanOrEqual(10);
      expect(loadGoldSet(named("news dev 3")).length).toBeGreaterThanOrEqual(10);
    });

    it("keeps the development set at the targets (entity F1 >= 0.90, stated relations P >= 0.70, R >= 0.50)", () => {
      const docs = loadGoldSet(EVAL_SETS[0].dir);
      const overall = (scores: ReturnType<typeof scoreSet>) => scores[scores.length - 1];
      const full = overall(scoreSet(docs, loadExtractContext()));
      expect(full.entities.f1).toBeGreaterThanOrEqual(0.9);
      expect(full.relations.recall).toBeGreaterThanOrEqual(0.5);
      expect(full.pairs.recall).toBeGreaterThanOrEqual(0.5);
      // The gold lists what the texts state; the learned model adds implied facts (a city's country) it leaves out,
      // so precision is held on the rules' relations.
      const stated = overall(scoreSet(docs, loadExtractContext(), { learned: false }));
      expect(stated.relations.precision).toBeGreaterThanOrEqual(0.7);
    });
  });
});
