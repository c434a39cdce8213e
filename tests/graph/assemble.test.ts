/**
 * Graph assembly: relation kinds follow the predicate (related_to is open), an open relation is labelled with its verb
 * phrase, every edge carries its predicate's Wikidata property, and extracted files with or without labels validate.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assembleGraph } from "../../src/graph/assemble.ts";
import { validateDataset } from "../../src/graph/validate.ts";
import { extractedFileYaml } from "../../src/ingest/extractedYaml.ts";
import type { ExtractedFile, ExtractedRelationRecord } from "../../src/model/schemas.ts";
import type { KnowledgeGraph } from "../../src/model/types.ts";
import { DataError } from "../../src/store/issues.ts";
import { loadDataset } from "../../src/store/load.ts";
import { makeTempData, SEED_DOC, type TempData } from "../helpers/tempData.ts";

// A quote of the seed article at its offsets (the curated podolyak-negotiates-with-russia relation quotes it too).
const EVIDENCE = {
  doc: SEED_DOC,
  quote: "has described the diplomacy with Moscow as a “real negotiation,”",
  start: 226,
  end: 290,
};

/** A relation of the extracted file, Podolyak (e1) to Russia (e2), with the seed quote. */
function relation(n: number, fields: Partial<ExtractedRelationRecord>): ExtractedRelationRecord {
  return {
    id: `${SEED_DOC}.r${n}`,
    subject: "e1",
    predicate: "related_to",
    object: "e2",
    kind: "open",
    evidence: [EVIDENCE],
    stance: "neutral",
    modality: "asserted",
    confidence: 0.4,
    ...fields,
  };
}

/** An extracted file of the seed document whose two entities merge into curated ones. */
function extractedFile(relations: ExtractedRelationRecord[]): ExtractedFile {
  return {
    document: SEED_DOC,
    entities: [
      {
        key: "e1",
        label: "Mykhailo Podolyak",
        type: "person",
        aliases: [],
        mentions: [],
        entity: "mykhailo-podolyak",
        rule: "label",
      },
      { key: "e2", label: "Russia", type: "country", aliases: [], mentions: [], entity: "russia", rule: "label" },
    ],
    relations,
  };
}

let data: TempData;
beforeEach(() => {
  data = makeTempData();
  mkdirSync(path.join(data.root, "extracted"), { recursive: true });
});
afterEach(() => data.remove());

/** Writes the extracted file as `kg ingest` would, validates the data and assembles the graph. */
function assembleWith(relations: ExtractedRelationRecord[]): KnowledgeGraph {
  data.write(`extracted/${SEED_DOC}.yaml`, extractedFileYaml(extractedFile(relations), "# test"));
  const dataset = loadDataset(data.root);
  expect(validateDataset(dataset)).toEqual([]);
  return assembleGraph(dataset);
}

describe("assembleGraph", () => {
  it("gives a related_to relation kind open and its verb phrase as the label", () => {
    const graph = assembleWith([relation(1, { label: "sold shares in" })]);
    expect(graph.getEdgeAttributes(`${SEED_DOC}.r1`)).toMatchObject({
      predicate: "related_to",
      kind: "open",
      label: "sold shares in",
      status: "candidate",
    });
  });

  it("labels an open relation without a phrase with its predicate's label", () => {
    const graph = assembleWith([relation(1, {})]);
    expect(graph.getEdgeAttributes(`${SEED_DOC}.r1`)).toMatchObject({ kind: "open", label: "is linked to" });
  });

  it("keeps co-occurrences and typed relations as they were, with their predicate's label", () => {
    const graph = assembleWith([
      relation(1, { predicate: "mentioned_with", kind: "cooccurrence" }),
      relation(2, { predicate: "negotiates_with", kind: "typed" }),
    ]);
    expect(graph.getEdgeAttributes(`${SEED_DOC}.r1`)).toMatchObject({
      kind: "cooccurrence",
      label: "is mentioned with",
    });
    // Restating a curated fact adds evidence to it rather than making an edge.
    expect(graph.hasEdge(`${SEED_DOC}.r2`)).toBe(false);
  });

  it("gives every edge its predicate's Wikidata property, and none to a predicate without one", () => {
    const graph = assembleWith([]);
    const edgeOf = (predicate: string) => graph.findEdge((_e, a) => a.predicate === predicate)!;
    expect(graph.getEdgeAttribute(edgeOf("located_in"), "wikidata")).toBe("P131");
    expect(graph.getEdgeAttribute(edgeOf("part_of"), "wikidata")).toBe("P361");
    expect(graph.getEdgeAttributes(edgeOf("negotiates_for"))).not.toHaveProperty("wikidata");
  });

  it("gives a curated related_to relation kind open and its own phrase", () => {
    data.write(
      "relations/open.yaml",
      [
        "relations:",
        "  - id: podolyak-describes-russia",
        "    subject: mykhailo-podolyak",
        "    predicate: related_to",
        "    object: russia",
        "    label: has described the diplomacy with",
        "    evidence:",
        `      - { doc: ${SEED_DOC}, quote: ${JSON.stringify(EVIDENCE.quote)}, start: 226, end: 290 }`,
        "    confidence: 0.5",
        "",
      ].join("\n"),
    );
    const graph = assembleWith([]);
    expect(graph.getEdgeAttributes("podolyak-describes-russia")).toMatchObject({
      kind: "open",
      label: "has described the diplomacy with",
      source: "curated",
    });
  });
});

describe("validateDataset on open relations", () => {
  /** The problems of an extracted file holding `relations`. */
  function problems(relations: ExtractedRelationRecord[]): string[] {
    data.write(`extracted/${SEED_DOC}.yaml`, extractedFileYaml(extractedFile(relations), "# test"));
    return validateDataset(loadDataset(data.root)).map((i) => i.message);
  }

  it("accepts open relations with and without a verb phrase", () => {
    expect(problems([relation(1, { label: "sold shares in" }), relation(2, {})])).toEqual([]);
  });

  it("names an open relation whose predicate is not related_to, and related_to that is not open", () => {
    expect(problems([relation(1, { predicate: "negotiates_with" })])).toEqual([
      expect.stringMatching(/kind "open" does not go with predicate "negotiates_with"/),
    ]);
    expect(problems([relation(1, { kind: "typed" })])).toEqual([
      expect.stringMatching(/kind "typed" does not go with predicate "related_to"/),
    ]);
  });

  it("names a verb phrase on a relation that is not open", () => {
    const found = problems([relation(1, { predicate: "mentioned_with", kind: "cooccurrence", label: "met" })]);
    expect(found).toEqual([expect.stringMatching(/only an open relation has a label/)]);
  });
});

describe("loadDataset on open relation labels", () => {
  /** The message of the schema problem an extracted file with `label` raises, or null when it loads. */
  function labelProblem(label: string): string | null {
    const text = extractedFileYaml(extractedFile([relation(1, {})]), "# test").replace(
      "    kind: open\n",
      `    kind: open\n    label: ${JSON.stringify(label)}\n`,
    );
    data.write(`extracted/${SEED_DOC}.yaml`, text);
    try {
      loadDataset(data.root);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      return (error as DataError).issues.map((i) => i.message).join("\n");
    }
  }

  it("accepts a verb phrase of up to 120 characters", () => {
    expect(labelProblem("x".repeat(120))).toBeNull();
  });

  it("rejects a blank or over-long verb phrase and says how to fix it", () => {
    expect(labelProblem("   ")).toMatch(/relations\.0\.label.*write the verb phrase/);
    expect(labelProblem("x".repeat(121))).toMatch(/relations\.0\.label.*at most 120 characters/);
  });
});
