/**
 * Typing of untyped names: resolution asks what a name is when nothing in or around it said so, and gets one answer
 * per name (every use of the same surface), from the learned name-type model.
 */
import type { EntityType } from "../../model/types.ts";
import { normalizeName } from "../lexicon/normalize.ts";
import type { Mention } from "../mentions/types.ts";
import type { Analysis } from "../nlp/types.ts";
import { nameFeatures } from "./features.ts";
import { loadNameTypeModel, NAME_TYPE_CLASSES, nameTypeScores, type NameTypeModel } from "./model.ts";

/** Answers the type of an untyped mention, the same for every use of its name. */
export type UntypedNameTyper = (m: Mention) => EntityType;

/** Tunables of {@link learnedNameTyper}. */
export interface NameTyperOptions {
  /**
   * How much more likely (in logistic score) a person or a place must be than an organisation to be chosen. Untyped
   * names were organisations before the model; in news most still are (a firm's invented name), while in
   * encyclopaedic text most are people and places. `npm run train:extract` prints both corpora's out-of-fold figures
   * at this margin and at 1 (see the README).
   */
  margin: number;
}

export const DEFAULT_NAME_TYPER_OPTIONS: NameTyperOptions = { margin: 1.5 };

const PERSON = NAME_TYPE_CLASSES.indexOf("person");
const ORGANIZATION = NAME_TYPE_CLASSES.indexOf("organization");
const LOCATION = NAME_TYPE_CLASSES.indexOf("location");
const OTHER = NAME_TYPE_CLASSES.indexOf("other");

/**
 * The type of a name with these scores: a person or a place when its score beats an organisation's by the margin and
 * "other"'s, else an organisation (a name of no scored kind, a work or an event, stays one too: dropping it would
 * lose the names the model gets wrong).
 */
export function chooseNameType(z: Float64Array, margin: number): EntityType {
  let best = ORGANIZATION;
  for (const c of [PERSON, LOCATION])
    if (z[c] > z[ORGANIZATION] + margin && z[c] >= z[OTHER] && (best === ORGANIZATION || z[c] > z[best])) best = c;
  return NAME_TYPE_CLASSES[best] as EntityType;
}

/** The typer of a document's untyped names: the uses of each name are read together, once. */
export function learnedNameTyper(
  a: Analysis,
  mentions: Mention[],
  model: NameTypeModel = loadNameTypeModel(),
  options: Partial<NameTyperOptions> = {},
): UntypedNameTyper {
  const { margin } = { ...DEFAULT_NAME_TYPER_OPTIONS, ...options };
  const decided = new Map<string, EntityType>();
  return (m) => {
    const key = normalizeName(m.surface);
    let type = decided.get(key);
    if (type === undefined) {
      const uses = mentions.filter((x) => !x.nested && normalizeName(x.surface) === key);
      type = chooseNameType(nameTypeScores(model, nameFeatures(a, uses.length > 0 ? uses : [m])), margin);
      decided.set(key, type);
    }
    return type;
  };
}
