/**
 * Model types: the shapes of entities, relations and evidence shared by the builder, server, exports and web page.
 */
import type { MultiDirectedGraph } from "graphology";
import type { DateSource } from "./documentDate.ts";

/** All entity types, in legend order. */
export const ENTITY_TYPES = [
  "person",
  "organization",
  "country",
  "location",
  "group",
  "event",
  "agreement",
  "work",
  "concept",
  "date",
  "quantity",
] as const;

/** The closed set of entity types; `subtype` refines one (e.g. location/city). */
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Polarity of a relation from its subject towards its object. */
export const STANCES = ["supports", "opposes", "neutral"] as const;
export type Stance = (typeof STANCES)[number];

/** How the text commits to a relation: stated, proposed, attributed to someone, or conditional. */
export const MODALITIES = ["asserted", "proposed", "reported", "hypothetical"] as const;
export type Modality = (typeof MODALITIES)[number];

/** Who made a fact: a human analyst (always wins) or the extraction pipeline. */
export type RelationSource = "curated" | "extracted";

/** All relation kinds, from the most to the least committed. */
export const RELATION_KINDS = ["typed", "open", "cooccurrence"] as const;

/**
 * `typed`: an ontology predicate; `open`: a clause links the two through a verb that maps to no predicate (the
 * predicate is `related_to` and the verb phrase is the relation's label); `cooccurrence`: only named in one sentence.
 */
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Review state of a relation: curated and accepted facts are `accepted`; fresh extractions are `candidate`. */
export type RelationStatus = "accepted" | "candidate";

/** A verbatim quote from a document; offsets are `[start, end)` in UTF-16 code units (JavaScript string indices). */
export interface Evidence {
  doc: string;
  quote: string;
  start: number;
  end: number;
}

/** Optional qualifiers of a relation, as written in the text. */
export interface Qualifiers {
  time?: string;
  duration?: string;
  role?: string;
}

/** Node attributes of the built graph. */
export interface EntityAttributes {
  label: string;
  type: EntityType;
  subtype?: string;
  aliases: string[];
  description: string;
  /** Documents in which the entity has evidence. */
  documents: string[];
  source: RelationSource;
  x: number;
  y: number;
  size: number;
  color: string;
  community: number;
  degree: number;
}

/** Edge attributes of the built graph. */
export interface RelationAttributes {
  predicate: string;
  /** The predicate's label, e.g. "negotiates for"; for an open relation its verb phrase, e.g. "sold shares in". */
  label: string;
  evidence: Evidence[];
  stance: Stance;
  modality: Modality;
  confidence: number;
  source: RelationSource;
  kind: RelationKind;
  status: RelationStatus;
  qualifiers?: Qualifiers;
  /** The predicate's Wikidata property in the same direction (subject -> object), e.g. P131, when it has one. */
  wikidata?: string;
  /** How many distinct documents state the relation (its evidence's documents); set by the builder. */
  support?: number;
  /** The earliest and latest date (`YYYY-MM-DD`) of those documents, when any of them is dated. */
  firstReported?: string;
  lastReported?: string;
}

/** A document as the graph lists it: its id, title and, when known, its date and where the date came from. */
export interface GraphDocument {
  id: string;
  title: string;
  date?: string;
  dateSource?: DateSource;
}

/** Graph-level attributes written by the builder. */
export interface GraphAttributes {
  name?: string;
  description?: string;
  documents?: GraphDocument[];
  builtFrom?: string;
}

/** The knowledge graph: typed end to end. */
export type KnowledgeGraph = MultiDirectedGraph<EntityAttributes, RelationAttributes, GraphAttributes>;
