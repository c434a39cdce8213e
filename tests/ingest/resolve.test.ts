/**
 * Resolution of an extractor's relations: the stored kind agrees with the predicate, an open relation keeps its verb
 * phrase (on one line, cut to 120 characters), and two phrases between the same entities stay two facts.
 */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { phraseOf, resolveExtraction } from "../../src/ingest/resolve.ts";
import type { ExtractedRelation, ExtractionResult } from "../../src/ingest/types.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { loadDataset } from "../../src/store/load.ts";

const TEXT = "Acme sold shares in Beta. Acme also sued Beta.";

// The repository's ontology: sues, related_to and mentioned_with all take organizations.
const ONTOLOGY = loadDataset().ontology;

/** A relation from Acme to Beta quoting the first sentence. */
function relation(fields: Partial<ExtractedRelation>): ExtractedRelation {
  return {
    source: "acme",
    target: "beta",
    predicate: "related_to",
    kind: "open",
    confidence: 0.4,
    stance: "neutral",
    modality: "asserted",
    evidence: { quote: "Acme sold shares in Beta.", start: 0, end: 25 },
    ...fields,
  };
}

function resolve(relations: ExtractedRelation[]) {
  const extraction: ExtractionResult = {
    entities: [
      { id: "acme", label: "Acme", type: "organization", aliases: [], mentions: [{ start: 0, end: 4 }] },
      { id: "beta", label: "Beta", type: "organization", aliases: [], mentions: [{ start: 20, end: 24 }] },
    ],
    relations,
  };
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  return resolveExtraction({ graph, ontology: ONTOLOGY, docId: "doc", text: TEXT, extraction, extractedAt: "t" });
}

describe("ingest resolution", () => {
  describe("resolveExtraction", () => {
    it("stores an open relation with kind open and its verb phrase as label", () => {
      const [stored] = resolve([relation({ label: "sold shares in" })]).file.relations;
      expect(stored).toMatchObject({ predicate: "related_to", kind: "open", label: "sold shares in" });
    });

    it("stores an open relation without a phrase without a label", () => {
      const [stored] = resolve([relation({})]).file.relations;
      expect(stored.kind).toBe("open");
      expect(stored).not.toHaveProperty("label");
    });

    it("makes the kind agree with the predicate and keeps labels for open relations only", () => {
      const relations = resolve([
        relation({ kind: "typed", label: "sold shares in" }),
        relation({ predicate: "sues", kind: "open", label: "sued" }),
        relation({ predicate: "mentioned_with", kind: "typed" }),
      ]).file.relations;
      expect(relations.map((r) => [r.predicate, r.kind, r.label])).toEqual([
        ["related_to", "open", "sold shares in"],
        ["sues", "typed", undefined],
        ["mentioned_with", "cooccurrence", undefined],
      ]);
    });

    it("keeps two verb phrases between the same entities as two relations, and one phrase stated twice as one", () => {
      const relations = resolve([
        relation({ label: "sold shares in" }),
        relation({ label: "sold  shares\nin" }),
        relation({ label: "outbid" }),
      ]).file.relations;
      expect(relations.map((r) => r.label)).toEqual(["sold shares in", "outbid"]);
    });
  });

  describe("phraseOf", () => {
    it("puts the phrase on one line and gives null for nothing", () => {
      expect(phraseOf("  took\n over ")).toBe("took over");
      expect(phraseOf("   ")).toBeNull();
      expect(phraseOf(undefined)).toBeNull();
    });

    it("cuts a phrase longer than 120 characters at a word, marking the cut", () => {
      const phrase = phraseOf("word ".repeat(40))!;
      expect(phrase.length).toBeLessThanOrEqual(120);
      expect(phrase).toMatch(/^(word )+word…$/);
    });
  });
});
