/**
 * RDF vocabulary: the namespaces, classes and properties of the RDF exports, the JSON-LD @context, and how entities,
 * documents and relations are named (IRIs under a configurable base).
 */
import { ENTITY_TYPES, MODALITIES, STANCES } from "../model/types.ts";
import { nodeLabel } from "./neo4jColumns.ts";

/** The project's vocabulary (classes, properties, stances, modalities); described by {@link vocabularyTurtle}. */
export const KG = "urn:evidence-graph:vocab#";
/** Predicates of the ontology without a Wikidata property: `kgp:negotiates_for`. */
export const KGP = "urn:evidence-graph:predicate#";
/** Where entity, document and relation IRIs live unless the caller gives another base. */
export const DEFAULT_RDF_BASE = "urn:evidence-graph:";

/** Prefixes written in Turtle and in the JSON-LD @context. */
export const PREFIXES: Record<string, string> = {
  kg: KG,
  kgp: KGP,
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  dcterms: "http://purl.org/dc/terms/",
  prov: "http://www.w3.org/ns/prov#",
  oa: "http://www.w3.org/ns/oa#",
  wdt: "http://www.wikidata.org/prop/direct/",
};

const P = PREFIXES;
/** Full IRIs of every term the exports use. */
export const IRI = {
  type: `${P.rdf}type`,
  first: `${P.rdf}first`,
  rest: `${P.rdf}rest`,
  nil: `${P.rdf}nil`,
  statement: `${P.rdf}Statement`,
  subject: `${P.rdf}subject`,
  predicate: `${P.rdf}predicate`,
  object: `${P.rdf}object`,
  json: `${P.rdf}JSON`,
  label: `${P.rdfs}label`,
  altLabel: `${P.skos}altLabel`,
  description: `${P.dcterms}description`,
  title: `${P.dcterms}title`,
  string: `${P.xsd}string`,
  decimal: `${P.xsd}decimal`,
  integer: `${P.xsd}integer`,
  nonNegativeInteger: `${P.xsd}nonNegativeInteger`,
  wasDerivedFrom: `${P.prov}wasDerivedFrom`,
  wasGeneratedBy: `${P.prov}wasGeneratedBy`,
  provEntity: `${P.prov}Entity`,
  annotation: `${P.oa}Annotation`,
  hasBody: `${P.oa}hasBody`,
  hasTarget: `${P.oa}hasTarget`,
  hasSource: `${P.oa}hasSource`,
  hasSelector: `${P.oa}hasSelector`,
  motivatedBy: `${P.oa}motivatedBy`,
  describing: `${P.oa}describing`,
  specificResource: `${P.oa}SpecificResource`,
  textQuoteSelector: `${P.oa}TextQuoteSelector`,
  textPositionSelector: `${P.oa}TextPositionSelector`,
  exact: `${P.oa}exact`,
  prefix: `${P.oa}prefix`,
  suffix: `${P.oa}suffix`,
  start: `${P.oa}start`,
  end: `${P.oa}end`,
  // The project's own terms.
  Entity: `${KG}Entity`,
  Relation: `${KG}Relation`,
  Document: `${KG}Document`,
  Graph: `${KG}Graph`,
  Utf16PositionSelector: `${KG}Utf16PositionSelector`,
  curation: `${KG}curation`,
  extraction: `${KG}extraction`,
  key: `${KG}key`,
  index: `${KG}index`,
  subtype: `${KG}subtype`,
  aliases: `${KG}aliases`,
  documents: `${KG}documents`,
  source: `${KG}source`,
  x: `${KG}x`,
  y: `${KG}y`,
  size: `${KG}size`,
  color: `${KG}color`,
  community: `${KG}community`,
  degree: `${KG}degree`,
  attributes: `${KG}attributes`,
  predicateId: `${KG}predicate`,
  stance: `${KG}stance`,
  modality: `${KG}modality`,
  confidence: `${KG}confidence`,
  kind: `${KG}kind`,
  status: `${KG}status`,
  wikidata: `${KG}wikidata`,
  time: `${KG}time`,
  duration: `${KG}duration`,
  role: `${KG}role`,
  evidence: `${KG}evidence`,
  text: `${KG}text`,
  utf16Start: `${KG}utf16Start`,
  utf16End: `${KG}utf16End`,
} as const;

/** Entity attributes written as one plain literal each, by attribute name (shared by the writers and the reader). */
export const ENTITY_STRING_PROPERTIES: Record<string, string> = {
  label: IRI.label,
  subtype: IRI.subtype,
  description: IRI.description,
  source: IRI.source,
  color: IRI.color,
};
/** Entity numbers, written as kg:<attribute> in the XSD type named here. */
export const ENTITY_NUMBER_TYPES: Record<string, "double" | "integer"> = {
  x: "double",
  y: "double",
  size: "double",
  community: "integer",
  degree: "integer",
};
/** Relation attributes written as one plain literal each, by attribute name. */
export const RELATION_STRING_PROPERTIES: Record<string, string> = {
  predicate: IRI.predicateId,
  label: IRI.label,
  kind: IRI.kind,
  status: IRI.status,
  source: IRI.source,
  wikidata: IRI.wikidata,
};
/** A relation's qualifiers, one plain literal each, by qualifier name. */
export const QUALIFIER_PROPERTIES: Record<string, string> = { time: IRI.time, duration: IRI.duration, role: IRI.role };

/** The class of an entity type: `person` → kg:Person. */
export function typeClass(type: string): string {
  return `${KG}${nodeLabel(type)}`;
}

/** The entity type of a class IRI, or null for a class that is not one. */
export function typeOfClass(iri: string): string | null {
  return ENTITY_TYPES.find((t) => typeClass(t) === iri) ?? null;
}

/** The IRI of a stance or modality value: kg:supports, kg:proposed. */
export function valueIri(value: string): string {
  return `${KG}${value}`;
}

/** The IRIs of an export: entities, documents, relations and their evidence under `base`. */
export function iris(base: string) {
  return {
    entity: (key: string) => `${base}entity/${segment(key)}`,
    document: (id: string) => `${base}document/${segment(id)}`,
    relation: (key: string) => `${base}relation/${segment(key)}`,
    graph: () => `${base}graph`,
  };
}

/** The IRI of an ontology predicate: its Wikidata property when the edge names one, else kgp:<predicate>. */
export function predicateIri(predicate: string, wikidata: unknown): string {
  return typeof wikidata === "string" && /^P[1-9][0-9]*$/.test(wikidata)
    ? `${P.wdt}${wikidata}`
    : `${KGP}${segment(predicate)}`;
}

/** The JSON-LD @context published at /api/vocab/context.jsonld and embedded in every JSON-LD export. */
export function jsonLdContext(): Record<string, string> {
  return { ...PREFIXES };
}

/** The vocabulary as Turtle: what /api/vocab serves (classes, properties, stance and modality values). */
export function vocabularyTurtle(): string {
  const prefixes = Object.entries(PREFIXES).map(([p, iri]) => `@prefix ${p}: <${iri}> .`);
  const classes = ENTITY_TYPES.map(
    (t) => `kg:${nodeLabel(t)} a rdfs:Class ; rdfs:subClassOf kg:Entity ; rdfs:label "${nodeLabel(t)}" .`,
  );
  const values = [...STANCES.map((s) => `kg:${s} a kg:Stance .`), ...MODALITIES.map((m) => `kg:${m} a kg:Modality .`)];
  const properties = Object.entries(IRI)
    .filter(
      ([, iri]) =>
        iri.startsWith(KG) &&
        /^[a-z]/.test(iri.slice(KG.length)) &&
        !["curation", "extraction"].includes(iri.slice(KG.length)),
    )
    .map(([, iri]) => `kg:${iri.slice(KG.length)} a rdf:Property .`);
  return [
    ...prefixes,
    "",
    `<${KG}> a <http://www.w3.org/2002/07/owl#Ontology> ; rdfs:label "Evidence graph vocabulary" .`,
    'kg:Entity a rdfs:Class ; rdfs:label "Entity" .',
    'kg:Relation a rdfs:Class ; rdfs:subClassOf rdf:Statement, prov:Entity ; rdfs:comment "A relation between two entities, reified, with its evidence." .',
    'kg:Document a rdfs:Class ; rdfs:subClassOf prov:Entity ; rdfs:comment "A source document; kg:text holds its text when embedded." .',
    'kg:Utf16PositionSelector a rdfs:Class ; rdfs:subClassOf oa:Selector ; rdfs:comment "A position in UTF-16 code units (kg:utf16Start, kg:utf16End), used when the document text was not at hand to count code points." .',
    "kg:Stance a rdfs:Class .",
    "kg:Modality a rdfs:Class .",
    'kg:curation a prov:Activity ; rdfs:label "curation by an analyst" .',
    'kg:extraction a prov:Activity ; rdfs:label "automatic extraction" .',
    ...classes,
    ...values,
    ...properties,
    "",
  ].join("\n");
}

// encodeURIComponent is injective and keeps IRIs free of characters Turtle forbids; a key with a lone surrogate
// (which it refuses) is spelled by its UTF-16 units instead.
function segment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return `~u${[...Array(text.length).keys()].map((i) => text.charCodeAt(i).toString(16).padStart(4, "0")).join("")}`;
  }
}
