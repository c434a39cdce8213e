/**
 * Generator vocabulary: entity types, colours and predicates from graph-data/ontology.yaml, plus seeded labels.
 */
import { OntologySchema, type Ontology } from "../../src/model/schemas.ts";
import { ENTITY_TYPES, type EntityType } from "../../src/model/types.ts";
import type { DataIssue } from "../../src/store/issues.ts";
import { dataFilesOf } from "../../src/store/dataFiles.ts";
import { readYamlFile } from "../../src/store/yamlFile.ts";

/** The predicate every pair of types may use: two entities named in the same sentence. */
export const COOCCURRENCE_PREDICATE = "mentioned_with";

/** How often each entity type appears in generated graphs (rough shares seen in news extraction). */
const TYPE_WEIGHTS: Record<EntityType, number> = {
  person: 30,
  organization: 20,
  country: 5,
  location: 10,
  group: 6,
  event: 10,
  agreement: 5,
  work: 0,
  concept: 9,
  date: 3,
  quantity: 2,
};

const SYLLABLES = [
  "ka",
  "ro",
  "vin",
  "de",
  "la",
  "tu",
  "mar",
  "sel",
  "on",
  "bri",
  "tas",
  "el",
  "no",
  "var",
  "ish",
  "ul",
];
const SUFFIX: Record<EntityType, string[]> = {
  person: [""],
  organization: [" Institute", " Council", " Agency", " Party", " Group"],
  country: [""],
  location: [" City", " Valley", " Port", " Region"],
  group: [" delegation", " officials", " forces"],
  event: [" talks", " summit", " crisis", " ceasefire"],
  agreement: [" accord", " treaty", " plan", " clause"],
  work: [" saga", " album"],
  concept: [" doctrine", " neutrality", " policy"],
  date: [" spring", " autumn"],
  quantity: [" billion", " troops"],
};

/** One predicate: id, label and the stance a relation with it usually carries. */
export interface PredicateChoice {
  id: string;
  label: string;
  stance: "supports" | "opposes" | "neutral";
}

/** What the generator draws from: types with their colour and share, predicates allowed per (subject, object) type. */
export interface Vocabulary {
  types: EntityType[];
  cumulativeWeights: number[];
  colors: Record<EntityType, string>;
  /** `allowed[subjectType][objectType]`: predicates whose domain and range admit the pair (never empty). */
  allowed: Record<EntityType, Record<EntityType, PredicateChoice[]>>;
  cooccurrence: PredicateChoice;
}

/** Reads graph-data's ontology; throws naming the file when it is invalid. */
export function loadOntology(root?: string): Ontology {
  const issues: DataIssue[] = [];
  const file = dataFilesOf(root).ontology;
  const parsed = readYamlFile(file, OntologySchema, issues);
  if (!parsed)
    throw new Error(`bench: ${file} is invalid (${issues.map((i) => i.message).join("; ")}); run "npx kg validate"`);
  return parsed.value;
}

/** Builds the vocabulary of `ontology`: for each type pair, the typed predicates that fit, else co-occurrence. */
export function vocabularyOf(ontology: Ontology): Vocabulary {
  const predicates = Object.entries(ontology.predicates);
  const cooccurrenceDef = ontology.predicates[COOCCURRENCE_PREDICATE];
  if (!cooccurrenceDef) throw new Error(`bench: the ontology lacks "${COOCCURRENCE_PREDICATE}"; add it back`);
  const cooccurrence: PredicateChoice = { id: COOCCURRENCE_PREDICATE, label: cooccurrenceDef.label, stance: "neutral" };
  const allowed = {} as Vocabulary["allowed"];
  for (const a of ENTITY_TYPES) {
    allowed[a] = {} as Record<EntityType, PredicateChoice[]>;
    for (const b of ENTITY_TYPES) {
      const fits = predicates
        .filter(([id, p]) => id !== COOCCURRENCE_PREDICATE && p.domain.includes(a) && p.range.includes(b))
        .map(([id, p]) => ({ id, label: p.label, stance: stanceOf(id) }));
      allowed[a][b] = fits.length > 0 ? fits : [cooccurrence];
    }
  }
  let total = 0;
  const cumulativeWeights = ENTITY_TYPES.map((t) => (total += TYPE_WEIGHTS[t]) / 100);
  const colors = Object.fromEntries(ENTITY_TYPES.map((t) => [t, ontology.types[t]?.color ?? "#999999"]));
  return { types: [...ENTITY_TYPES], cumulativeWeights, colors: colors as Vocabulary["colors"], allowed, cooccurrence };
}

/** Draws an entity type by its share. */
export function drawType(vocabulary: Vocabulary, random: () => number): EntityType {
  const r = random() * vocabulary.cumulativeWeights[vocabulary.cumulativeWeights.length - 1];
  const i = vocabulary.cumulativeWeights.findIndex((w) => r < w);
  return vocabulary.types[i === -1 ? vocabulary.types.length - 1 : i];
}

/** A pronounceable label for an entity of `type`, e.g. "Karovin Delatu" or "Brisel talks". */
export function drawLabel(type: EntityType, random: () => number): string {
  const word = () => {
    const n = 2 + Math.floor(random() * 2);
    let w = "";
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    return w[0].toUpperCase() + w.slice(1);
  };
  const suffixes = SUFFIX[type];
  const suffix = suffixes[Math.floor(random() * suffixes.length)];
  return type === "person" ? `${word()} ${word()}` : `${word()}${suffix}`;
}

function stanceOf(predicate: string): PredicateChoice["stance"] {
  if (predicate === "supports" || predicate === "positive_about") return "supports";
  if (predicate === "opposes" || predicate === "skeptical_of") return "opposes";
  return "neutral";
}
