/**
 * Ingest types: the extractor contract, a document to add, and what an ingest or a review decision reports back.
 */
import type { KnowledgeGraph, Modality, RelationKind, Stance } from "../model/types.ts";
import type { EntityType } from "../model/types.ts";
import type { Ontology } from "../model/schemas.ts";
import type { MergeReport } from "../graph/merge.ts";

/** An entity as the extractor returns it; `id` is an existing node's id when the extractor resolved it. */
export interface ExtractedEntity {
  id: string;
  label: string;
  type: EntityType;
  aliases: string[];
  mentions: { start: number; end: number }[];
}

/** A relation as the extractor returns it; `source`/`target` are entity ids of the same result. */
export interface ExtractedRelation {
  source: string;
  target: string;
  predicate: string;
  kind: RelationKind;
  /** For an `open` relation: the verb phrase that links the two ("sold shares in"). */
  label?: string;
  /** The predicate's Wikidata property; the build takes it from the ontology, so it is not stored. */
  wikidata?: string;
  confidence: number;
  stance: Stance;
  modality: Modality;
  qualifiers?: { time?: string; duration?: string; role?: string };
  evidence: { quote: string; start: number; end: number };
}

/** A mention the extractor attached to an entity other than by its exact label (surname, metonymy…). */
export interface ExtractorMerge {
  entity: string;
  surface: string;
  start: number;
  end: number;
  rule: string;
}

/** The output of `extractDocument` (src/extract). */
export interface ExtractionResult {
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  merges?: ExtractorMerge[];
}

/** What an extractor resolves against. */
export interface ExtractorContext {
  graph?: KnowledgeGraph;
  ontology?: Ontology;
}

/**
 * Turns a text into candidate entities and relations, resolving against `context.graph` when given. `prepare`, if
 * present, does the per-graph set-up ahead of time (the writer calls it in idle time after each write).
 */
export type Extractor = ((text: string, context?: ExtractorContext) => ExtractionResult | Promise<ExtractionResult>) & {
  prepare?: (context: ExtractorContext) => void;
};

/** A document to add, as received from the CLI or HTTP (already decoded to a string). */
export interface DocumentInput {
  title: string;
  text: string;
  author?: string;
  /** Publication date, YYYY-MM-DD. */
  date?: string;
  outlet?: string;
  url?: string;
}

/** An extracted entity that joined an existing node (defined beside the merge that reports it). */
export type { MergeReport };

/** An extracted relation that was not stored, and why. */
export interface SkippedRelation {
  source: string;
  predicate: string;
  target: string;
  reason: string;
}

/** What an ingest added to the graph, so a client can highlight it. */
export interface IngestResult {
  document: { id: string; title: string };
  /** Ids of the nodes created for this document. */
  newEntities: string[];
  /** Ids of the candidate edges created for this document. */
  newRelations: string[];
  /** Extracted entities resolved to existing nodes. */
  mergedEntities: MergeReport[];
  /** Curated relations that this document restates: they gained its evidence, no new edge was made. */
  corroborated: string[];
  skipped: SkippedRelation[];
  /** Graph size after the ingest. */
  graph: { nodes: number; edges: number };
}

/** A review decision on an extracted relation. */
export type RelationDecision = "accepted" | "rejected";

/** The outcome of a decision. */
export interface DecisionResult {
  relation: string;
  decision: RelationDecision;
  /** True when the decision was already recorded (nothing changed). */
  unchanged: boolean;
}

/** Why an ingest or decision was refused; `status` is the matching HTTP status. */
export type IngestErrorCode = "invalid" | "too_large" | "duplicate" | "not_found" | "conflict" | "unavailable";

const STATUS: Record<IngestErrorCode, number> = {
  invalid: 400,
  too_large: 413,
  duplicate: 409,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
};

/** A refusal that changed nothing on disk; its message says how to fix the problem. */
export class IngestError extends Error {
  readonly code: IngestErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(code: IngestErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "IngestError";
    this.code = code;
    this.status = STATUS[code];
    this.details = details;
  }
}
