/**
 * Model schemas: zod validation of the human-edited files in graph-data/ (ontology, documents, entities, relations).
 */
import { z } from "zod";
import { MAX_RELATION_LABEL_LENGTH } from "./relationKind.ts";
import { ENTITY_TYPES, MODALITIES, RELATION_KINDS, STANCES } from "./types.ts";

const ID_PATTERN = /^[a-z0-9][a-z0-9_.-]*$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** A lower-case identifier usable in URLs and file names. */
export const IdSchema = z
  .string()
  .regex(ID_PATTERN, "use lower-case letters, digits, '-', '_' or '.', starting with a letter or digit");

export const EntityTypeSchema = z.enum(ENTITY_TYPES);

/** A Wikidata property id such as P131. */
export const WikidataPropertySchema = z
  .string()
  .regex(/^P[1-9][0-9]*$/, "write a Wikidata property id such as P131 (a capital P and digits)");

export const TypeDefinitionSchema = z.strictObject({
  label: z.string().min(1),
  color: z.string().regex(HEX_COLOR, "write colours as six-digit hex, e.g. #4e79a7"),
  description: z.string().default(""),
});

export const PredicateDefinitionSchema = z.strictObject({
  label: z.string().min(1),
  inverse: z.string().min(1),
  symmetric: z.boolean().default(false),
  domain: z.array(EntityTypeSchema).min(1),
  range: z.array(EntityTypeSchema).min(1),
  /** Verb phrases (lemmas) the extractor maps to this predicate. */
  verbs: z.array(z.string()).default([]),
  /** The Wikidata property that holds in the same direction (subject -> object), e.g. P131. */
  wikidata: WikidataPropertySchema.optional(),
  /** The Wikidata property that holds from object to subject, e.g. P150 for located_in. */
  wikidataInverse: WikidataPropertySchema.optional(),
});

export const OntologySchema = z.strictObject({
  types: z.record(EntityTypeSchema, TypeDefinitionSchema),
  actors: z.array(EntityTypeSchema).optional(),
  anything: z.array(EntityTypeSchema).optional(),
  predicates: z.record(IdSchema, PredicateDefinitionSchema),
  metonymy: z
    .strictObject({
      capital_stands_for_state: z.boolean().default(true),
      seats: z
        .record(z.string(), z.string().regex(/^country:.+$/, "write seats as 'country:<State name>'"))
        .default({}),
    })
    .default({ capital_stands_for_state: true, seats: {} }),
});

export const DocumentMetaSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1),
  author: z.string().optional(),
  outlet: z.string().optional(),
  section: z.string().optional(),
  language: z.string().default("en"),
  genre: z.string().optional(),
  published: z.string().optional(),
  url: z.string().optional(),
  addedAt: z.string().optional(),
});

export const EntityRecordSchema = z.strictObject({
  id: IdSchema,
  label: z.string().min(1),
  type: EntityTypeSchema,
  subtype: z.string().optional(),
  aliases: z.array(z.string().min(1)).default([]),
  description: z.string().default(""),
});

export const EvidenceSchema = z.strictObject({
  doc: IdSchema,
  quote: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});

export const QualifiersSchema = z.strictObject({
  time: z.string().optional(),
  duration: z.string().optional(),
  role: z.string().optional(),
});

/** The verb phrase of an open relation ("sold shares in"), shown as its edge label. */
export const RelationLabelSchema = z
  .string()
  .regex(/\S/, "write the verb phrase, e.g. sold shares in (it may not be blank)")
  .max(MAX_RELATION_LABEL_LENGTH, `shorten the verb phrase to at most ${MAX_RELATION_LABEL_LENGTH} characters`);

export const RelationRecordSchema = z.strictObject({
  id: IdSchema,
  subject: IdSchema,
  predicate: IdSchema,
  object: IdSchema,
  /** For an open relation (predicate related_to): its verb phrase. */
  label: RelationLabelSchema.optional(),
  evidence: z.array(EvidenceSchema).min(1, "every relation needs at least one evidence quote"),
  stance: z.enum(STANCES).default("neutral"),
  modality: z.enum(MODALITIES).default("asserted"),
  qualifiers: QualifiersSchema.optional(),
  confidence: z.number().min(0).max(1),
  source: z.enum(["curated", "extracted"]).default("curated"),
});

/** A `[start, end)` span of a document, in UTF-16 code units. */
export const SpanSchema = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});

/** How an extracted entity was resolved: a new node, or a merge into an existing one (and by which rule). */
export const RESOLUTION_RULES = ["new", "id", "label", "alias", "short-form"] as const;
export type ResolutionRule = (typeof RESOLUTION_RULES)[number];

/** One entity the extractor found in a document, and the graph node it resolved to. */
export const ExtractedEntityRecordSchema = z.strictObject({
  /** Local key within the document's file (`e1`, `e2`, …); relations refer to it. */
  key: IdSchema,
  label: z.string().min(1),
  type: EntityTypeSchema,
  aliases: z.array(z.string().min(1)).default([]),
  mentions: z.array(SpanSchema).default([]),
  /** The node this entity became: a new node's id (`rule: new`) or the existing node it merged into. */
  entity: IdSchema,
  rule: z.enum(RESOLUTION_RULES),
});

/** One relation the extractor found; subject and object are entity keys of the same file. */
export const ExtractedRelationRecordSchema = z.strictObject({
  id: IdSchema,
  subject: IdSchema,
  predicate: IdSchema,
  object: IdSchema,
  kind: z.enum(RELATION_KINDS),
  /** For an open relation (kind open, predicate related_to): its verb phrase. */
  label: RelationLabelSchema.optional(),
  evidence: z.array(EvidenceSchema).min(1, "every relation needs at least one evidence quote"),
  stance: z.enum(STANCES).default("neutral"),
  modality: z.enum(MODALITIES).default("asserted"),
  qualifiers: QualifiersSchema.optional(),
  confidence: z.number().min(0).max(1),
});

/** A mention the extractor joined to an entity of the same document other than by its exact label. */
export const MentionMergeRecordSchema = z.strictObject({
  /** Entity key in this file. */
  key: IdSchema,
  surface: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** The extractor's rule, e.g. surname, metonymy, demonym, acronym. */
  rule: z.string().min(1),
});

/** extracted/<doc>.yaml: what `kg ingest` extracted from one document. */
export const ExtractedFileSchema = z.strictObject({
  document: IdSchema,
  extractedAt: z.string().optional(),
  entities: z.array(ExtractedEntityRecordSchema),
  relations: z.array(ExtractedRelationRecordSchema),
  /** In-document merges made by the extractor (for review; graph merges are per entity, see `rule`). */
  mentionMerges: z.array(MentionMergeRecordSchema).optional(),
});

/** A reviewer's decision on an extracted relation. */
export const RelationDecisionSchema = z.strictObject({
  decision: z.enum(["accepted", "rejected"]),
  at: z.string().optional(),
});

/** A reviewer's decision to undo a merge made by entity resolution. */
export const MergeDecisionSchema = z.strictObject({
  decision: z.literal("reverted"),
  at: z.string().optional(),
});

/** decisions.yaml: review decisions, keyed by relation id and by merge id (`<doc>.<key>`). */
export const DecisionsFileSchema = z.strictObject({
  relations: z.record(IdSchema, RelationDecisionSchema).default({}),
  merges: z.record(IdSchema, MergeDecisionSchema).default({}),
});

/** entities.yaml: `entities: [...]`. */
export const EntitiesFileSchema = z.strictObject({ entities: z.array(EntityRecordSchema) });
/** relations/<doc>.yaml: `relations: [...]`. */
export const RelationsFileSchema = z.strictObject({ relations: z.array(RelationRecordSchema) });

export type Ontology = z.infer<typeof OntologySchema>;
export type PredicateDefinition = z.infer<typeof PredicateDefinitionSchema>;
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;
export type EntityRecord = z.infer<typeof EntityRecordSchema>;
export type RelationRecord = z.infer<typeof RelationRecordSchema>;
export type ExtractedEntityRecord = z.infer<typeof ExtractedEntityRecordSchema>;
export type ExtractedRelationRecord = z.infer<typeof ExtractedRelationRecordSchema>;
export type ExtractedFile = z.infer<typeof ExtractedFileSchema>;
export type DecisionsFile = z.infer<typeof DecisionsFileSchema>;
