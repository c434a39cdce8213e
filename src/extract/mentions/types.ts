/**
 * Mention types: a stretch of text that names an entity, before resolution joins mentions into entities.
 */
import type { EntityType } from "../../model/types.ts";
import type { LexiconEntry, LexiconName } from "../lexicon/types.ts";

/** A mention as a token range `[from, to)` and a character range `[start, end)`. */
export interface Mention {
  from: number;
  to: number;
  start: number;
  end: number;
  surface: string;
  /** null when nothing in or around the name says what it is (a lone capitalised word). */
  type: EntityType | null;
  /** A known name (graph, lexicon, gazetteer) that matched. */
  known?: LexiconName;
  /** For "Russian forces": the state the demonym names. */
  state?: LexiconEntry;
  /** For "the Zelensky administration": the person the organisation is named after (a nested mention). */
  eponym?: { from: number; to: number; start: number; end: number };
  /** The nested mention of the eponym, once resolution made it. */
  inner?: Mention;
  /** A mention inside another one (the eponym); it belongs to an entity but not to the token index. */
  nested?: boolean;
  /** The type comes from the words around the name ("shares of X") or a title's marks, not from the name's look. */
  strong?: boolean;
  /**
   * A demonym used as an adjective ("an American actor"): it stands for its state only in a document that does not
   * name the state otherwise, where it is the one mention that brings the state in.
   */
  adjective?: boolean;
  /** A word that is a name only if resolution joins it to another name; otherwise it is dropped. */
  weak?: boolean;
  /** Set by resolution: index of the entity the mention belongs to. */
  entity: number;
}
