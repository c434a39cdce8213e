/**
 * Extraction types: the output of `extractDocument` (entities, relations, merges) and the options that tune it.
 */
import type { EntityType, KnowledgeGraph, Modality, RelationKind, Stance } from "../model/types.ts";
import type { Ontology } from "../model/schemas.ts";
import type { Lexicon } from "./lexicon/types.ts";
import type { NameTypeModel } from "./nameType/model.ts";

/** A `[start, end)` character range of the text (JavaScript string indices). */
export interface TextSpan {
  start: number;
  end: number;
}

/** An entity found in the text: its id (the graph's id when it resolved to a graph node), label, type and mentions. */
export interface ExtractedEntity {
  id: string;
  label: string;
  type: EntityType;
  aliases: string[];
  mentions: TextSpan[];
  /** Set when the entity resolved to a node of `context.graph` or an entry of the lexicon. */
  known?: "graph" | "lexicon" | "gazetteer";
}

/** A candidate relation with its verbatim evidence. */
export interface ExtractedRelation {
  source: string;
  target: string;
  predicate: string;
  kind: RelationKind;
  /** The Wikidata property the predicate corresponds to (same direction, subject -> object), when it has one. */
  wikidata?: string;
  /** For `open` relations: the verb phrase that links the two ("sold shares in"). */
  label?: string;
  confidence: number;
  stance: Stance;
  modality: Modality;
  /** True when the text denies the relation ("did not support"); never emitted as a plain assertion. */
  negated?: boolean;
  /** Which rule produced the relation, e.g. "appositive-role", "passive", "svo". */
  rule: string;
  /** As written: the role a person holds ("lead negotiator"), the time the sentence gives ("since 2010"). */
  qualifiers?: { role?: string; time?: string };
  evidence: { quote: string; start: number; end: number };
}

/** Why a mention was attached to an entity; recorded so that every merge can be reviewed and undone. */
export type MergeRule = "alias" | "same-label" | "surname" | "short-name" | "acronym" | "metonymy" | "demonym";

/** One mention joined to an entity other than by its own exact label. */
export interface MergeRecord {
  entity: string;
  surface: string;
  start: number;
  end: number;
  rule: MergeRule;
}

/** The result of extracting one document. */
export interface Extraction {
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
  merges: MergeRecord[];
}

/** What the extractor resolves against: the ontology, the existing graph and the curated lexicon. */
export interface ExtractContext {
  ontology?: Ontology;
  graph?: KnowledgeGraph;
  lexicon?: Lexicon;
  /**
   * Types the names nothing else types (the committed model when absent). Training passes one that never saw the
   * document, so that its examples are as noisy as text the extractor has not seen.
   */
  nameTypes?: NameTypeModel;
}

/** Tunables of the extractor. */
export interface ExtractOptions {
  // Output
  /** Emit `cooccurrence` relations for entities named in the same sentence without a typed relation. */
  cooccurrence: boolean;
  /** Emit date and quantity entities found by wink-nlp. */
  numericEntities: boolean;
  /** Add the relations of the learned pair model (src/extract/learned/) to the rules'. */
  learned: boolean;
  // Confidence
  /** Confidence of a cooccurrence link. */
  cooccurrenceConfidence: number;
  /** Typed relations below this confidence are dropped. */
  minConfidence: number;
}

/** Defaults: co-occurrence links, date/quantity entities and the learned pair model on. */
export const DEFAULT_EXTRACT_OPTIONS: ExtractOptions = {
  cooccurrence: true,
  numericEntities: true,
  learned: true,
  cooccurrenceConfidence: 0.3,
  minConfidence: 0.2,
};
