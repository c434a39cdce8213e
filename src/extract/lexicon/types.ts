/**
 * Lexicon types: known names (curated entities, gazetteer, graph nodes), role nouns and relation nouns.
 */
import type { EntityType } from "../../model/types.ts";

/** Where a known name comes from; the graph wins over the curated lexicon, which wins over the gazetteer. */
export type LexiconOrigin = "graph" | "lexicon" | "gazetteer";

/** How a name stands for its entity: by itself, as a capital or seat (metonymy), or as a demonym. */
export type NameKind = "name" | "capital" | "seat" | "demonym-adjective" | "demonym-plural";

/** A known entity and every name it goes by. */
export interface LexiconEntry {
  id: string;
  label: string;
  type: EntityType;
  subtype?: string;
  aliases: string[];
  /** Adjectives naming the entity's people or things ("European"), read as the gazetteer reads a state's demonym. */
  demonyms?: string[];
  origin: LexiconOrigin;
}

/** One name of a known entity. */
export interface LexiconName {
  text: string;
  kind: NameKind;
  entry: LexiconEntry;
  /**
   * A graph node's common-noun name ("peace talks"): it resolves only in a document that also names enough of the
   * node's neighbours (see {@link CompiledContext.anchors}), so one article's talks do not swallow another's.
   */
  generic?: boolean;
}

/** The curated lexicon: extra known entities, role nouns per predicate and relation nouns per predicate. */
export interface Lexicon {
  entries: LexiconEntry[];
  /** predicate -> role nouns ("chief executive" -> leads). */
  roles: Record<string, string[]>;
  /** predicate -> nouns naming what the object receives from the subject ("guarantees" -> guarantor_for). */
  gifts: Record<string, string[]>;
  /** Nouns naming a collective of a state's people ("forces", "officials"): "Russian forces" is a group of Russia. */
  groupNouns: string[];
}
