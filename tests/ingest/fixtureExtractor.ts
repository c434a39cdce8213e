/**
 * Test helper: an extractor built from a hand-made table of entities and relations. It finds each label and quote in
 * the text it is given, so the offsets it returns are real; the writer under test cannot tell it from the pipeline.
 */
import type { EntityType, Modality } from "../../src/model/types.ts";
import type { ExtractionResult, Extractor } from "../../src/ingest/types.ts";

/** One entity of the table; `id` is what the extractor claims (an existing node's id, or a fresh one). */
export interface FixtureEntity {
  id: string;
  label: string;
  type: EntityType;
  aliases?: string[];
}

/** One relation of the table; `quote` must occur in the text. */
export interface FixtureRelation {
  source: string;
  predicate: string;
  target: string;
  quote: string;
  modality?: Modality;
}

/** An extractor that reports the table's facts for any text containing them. */
export function fixtureExtractor(entities: FixtureEntity[], relations: FixtureRelation[]): Extractor {
  return (text) => extractWith(text, entities, relations);
}

function extractWith(text: string, entities: FixtureEntity[], relations: FixtureRelation[]): ExtractionResult {
  return {
    entities: entities.map((e) => ({
      id: e.id,
      label: e.label,
      type: e.type,
      aliases: e.aliases ?? [],
      mentions: allIndexes(text, e.label).map((start) => ({ start, end: start + e.label.length })),
    })),
    relations: relations
      .filter((r) => text.includes(r.quote))
      .map((r) => {
        const start = text.indexOf(r.quote);
        return {
          source: r.source,
          target: r.target,
          predicate: r.predicate,
          kind: r.predicate === "mentioned_with" ? ("cooccurrence" as const) : ("typed" as const),
          confidence: 0.8,
          stance: "neutral" as const,
          modality: r.modality ?? ("asserted" as const),
          evidence: { quote: r.quote, start, end: start + r.quote.length },
        };
      }),
    // An alias found outside the label's own occurrences is a mention the extractor joined by the "alias" rule.
    merges: entities.flatMap((e) =>
      (e.aliases ?? []).flatMap((alias) =>
        allIndexes(text, alias)
          .filter((start) => !allIndexes(text, e.label).some((l) => start >= l && start < l + e.label.length))
          .map((start) => ({ entity: e.id, surface: alias, start, end: start + alias.length, rule: "alias" })),
      ),
    ),
  };
}

function allIndexes(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** A short article about a company and the seed's actors, with the table of what it says. */
export const ACME_ARTICLE = {
  title: "Acme Robotics signs a demining deal",
  text: [
    "Acme Robotics signs a demining deal",
    "",
    "Acme Robotics, led by Jane Okafor, signed a demining contract with Ukraine on Monday.",
    "Mykhailo Podolyak, Kyiv’s lead negotiator, attended the signing.",
    "Secretary Blinken praised the demining contract. Okafor said more robots would follow.",
    "The American government, which Ukrainians often just call Washington, welcomed the demining contract.",
  ].join("\n"),
  entities: [
    { id: "acme-robotics", label: "Acme Robotics", type: "organization" },
    { id: "jane-okafor", label: "Jane Okafor", type: "person", aliases: ["Okafor"] },
    { id: "ukraine", label: "Ukraine", type: "country" },
    { id: "podolyak", label: "Mykhailo Podolyak", type: "person" },
    { id: "blinken", label: "Secretary Blinken", type: "person", aliases: ["Blinken"] },
    { id: "demining-contract", label: "demining contract", type: "agreement" },
    { id: "american-government", label: "The American government", type: "country", aliases: ["Washington"] },
  ] satisfies FixtureEntity[],
  relations: [
    { source: "jane-okafor", predicate: "leads", target: "acme-robotics", quote: "Acme Robotics, led by Jane Okafor" },
    {
      source: "acme-robotics",
      predicate: "party_to",
      target: "demining-contract",
      quote: "Acme Robotics, led by Jane Okafor, signed a demining contract",
    },
    {
      source: "podolyak",
      predicate: "negotiates_for",
      target: "ukraine",
      quote: "Mykhailo Podolyak, Kyiv’s lead negotiator",
    },
    {
      source: "blinken",
      predicate: "positive_about",
      target: "demining-contract",
      quote: "Secretary Blinken praised the demining contract",
    },
    {
      source: "american-government",
      predicate: "positive_about",
      target: "demining-contract",
      quote: "Washington, welcomed the demining contract",
    },
    // Not in the ontology: must be skipped.
    { source: "jane-okafor", predicate: "likes", target: "ukraine", quote: "Okafor said more robots would follow" },
    // Domain violation (an agreement cannot lead): must be skipped.
    { source: "demining-contract", predicate: "leads", target: "acme-robotics", quote: "signed a demining contract" },
  ] satisfies FixtureRelation[],
};

/** The article's extractor. */
export const acmeExtractor = fixtureExtractor(ACME_ARTICLE.entities, ACME_ARTICLE.relations);
