/**
 * RDF triples: a knowledge graph as triples, one group per element, shared by the Turtle and JSON-LD writers.
 *
 * Entities are IRIs typed by the vocabulary's classes (kg:Person …). Each relation is reified as a kg:Relation
 * statement node (rdf:subject/predicate/object, predicate = wdt:P… where the edge names a Wikidata property, else
 * kgp:<predicate>) carrying stance, modality, confidence and provenance (prov:wasDerivedFrom its documents,
 * prov:wasGeneratedBy kg:curation or kg:extraction); the plain triple is asserted too when the relation is accepted
 * and asserted. Each quote is a W3C Web Annotation whose target selects the text by quote (exact, prefix, suffix) and
 * by position in code points. Attributes outside the model go into one rdf:JSON literal, so nothing is lost.
 */
import type { Attributes } from "graphology-types";
import { OPEN_PREDICATE } from "../model/relationKind.ts";
import { MODALITIES, STANCES, type KnowledgeGraph } from "../model/types.ts";
import { CodePointIndex, codePointLength, codePointsAfter, codePointsBefore } from "./codePoints.ts";
import { graphDocuments } from "./neo4jScan.ts";
import {
  DEFAULT_RDF_BASE,
  ENTITY_NUMBER_TYPES,
  ENTITY_STRING_PROPERTIES,
  IRI,
  iris,
  KG,
  predicateIri,
  QUALIFIER_PROPERTIES,
  RELATION_STRING_PROPERTIES,
  typeClass,
  valueIri,
} from "./rdfVocab.ts";

/** The object of a triple: an IRI, a literal (xsd:string unless typed) or an ordered list. */
export type RdfObject = { iri: string } | { value: string; datatype?: string } | { list: RdfObject[] };
/** One triple: subject IRI, predicate IRI, object. */
export type Triple = [string, string, RdfObject];

/** Tunables of the RDF exports. */
export interface RdfOptions {
  /** Entities, documents and relations are named under this IRI. */
  base: string;
  /** A document's text (to count code points and take prefix/suffix), or null when it is not at hand. */
  documentText: ((id: string) => string | null) | null;
  /** Write each document's text (kg:text), so the file alone converts code points back to UTF-16. */
  embedDocumentText: boolean;
  /** Code points of context in oa:prefix and oa:suffix. */
  contextLength: number;
}

export const DEFAULT_RDF_OPTIONS: RdfOptions = {
  base: DEFAULT_RDF_BASE,
  documentText: null,
  embedDocumentText: true,
  contextLength: 32,
};

// Documents whose code-point index is kept while writing; a graph's evidence comes mostly in document order.
const INDEX_CACHE_SIZE = 64;
const str = (value: string): RdfObject => ({ value });
const iri = (value: string): RdfObject => ({ iri: value });
const typed = (value: number, datatype: string): RdfObject => ({ value: String(value), datatype });

/**
 * A number as xsd:decimal with the digits JavaScript prints for it, so it reads back as the same double. Not
 * xsd:double: JSON-LD processors rewrite doubles to 16 significant digits, which can change the last bit.
 */
export function decimal(value: number): RdfObject {
  return { value: decimalLexical(value), datatype: IRI.decimal };
}

/** `1.5e-7` → `0.00000015`, `2e+21` → `2000000000000000000000`: the shortest round-trip digits, without exponent. */
export function decimalLexical(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, rest = "", exponentText] = match;
  const digits = lead + rest;
  const point = 1 + Number(exponentText);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The graph's triples, one array per element: the graph, then each entity, then each relation. */
export function* rdfTriples(graph: KnowledgeGraph, options: Partial<RdfOptions> = {}): Generator<Triple[]> {
  const opts = { ...DEFAULT_RDF_OPTIONS, ...options };
  const names = iris(opts.base);
  const documents = new DocumentTriples(opts, new Map(graphDocuments(graph).map((d) => [d.id, d.title])));
  yield [
    [names.graph(), IRI.type, iri(IRI.Graph)],
    [names.graph(), IRI.attributes, { value: JSON.stringify(graph.getAttributes()), datatype: IRI.json }],
  ];
  // RDF has no order: kg:index keeps the graph's, so a re-import lists nodes and edges as the graph did.
  let index = 0;
  for (const { node, attributes } of graph.nodeEntries()) {
    const subject = names.entity(node);
    const triples = entityTriples(subject, node, attributes, (id) => documents.iri(id));
    triples.push([subject, IRI.index, typed(index++, IRI.integer)]);
    yield [...documents.take(), ...triples];
  }
  index = 0;
  for (const { edge, source, target, attributes } of graph.edgeEntries()) {
    const triples = relationTriples(edge, names.entity(source), names.entity(target), attributes, names, documents);
    triples.push([names.relation(edge), IRI.index, typed(index++, IRI.integer)]);
    yield [...documents.take(), ...triples];
  }
}

function entityTriples(subject: string, key: string, a: Attributes, documentIri: (id: string) => string): Triple[] {
  const out: Triple[] = [[subject, IRI.type, iri(IRI.Entity)]];
  const extra: Attributes = {};
  const add = (p: string, o: RdfObject) => out.push([subject, p, o]);
  const typeKnown = typeof a.type === "string" && a.type !== "";
  if (typeKnown) add(IRI.type, iri(typeClass(a.type)));
  add(IRI.key, str(key));
  for (const [k, value] of Object.entries(a)) {
    if (k === "type" && typeKnown) continue;
    else if (Object.hasOwn(ENTITY_STRING_PROPERTIES, k) && typeof value === "string")
      add(ENTITY_STRING_PROPERTIES[k], str(value));
    else if (k === "aliases" && isStringList(value)) {
      for (const alias of new Set(value)) add(IRI.altLabel, str(alias));
      if (value.length > 0) add(IRI.aliases, { list: value.map(str) });
    } else if (k === "documents" && isStringList(value)) {
      if (value.length > 0) add(IRI.documents, { list: value.map((d) => iri(documentIri(d))) });
    } else if (Object.hasOwn(ENTITY_NUMBER_TYPES, k) && isNumber(value, ENTITY_NUMBER_TYPES[k]))
      add(
        `${KG}${k}`,
        ENTITY_NUMBER_TYPES[k] === "double" ? decimal(value as number) : typed(value as number, IRI.integer),
      );
    else if (value !== undefined) extra[k] = value;
  }
  if (Object.keys(extra).length > 0) add(IRI.attributes, { value: JSON.stringify(extra), datatype: IRI.json });
  return out;
}

function relationTriples(
  key: string,
  subject: string,
  object: string,
  a: Attributes,
  names: ReturnType<typeof iris>,
  documents: DocumentTriples,
): Triple[] {
  const r = names.relation(key);
  const predicate = predicateIri(String(a.predicate ?? OPEN_PREDICATE), a.wikidata);
  const out: Triple[] = [];
  const add = (p: string, o: RdfObject) => out.push([r, p, o]);
  if (a.status === "accepted" && a.modality === "asserted") out.push([subject, predicate, iri(object)]);
  add(IRI.type, iri(IRI.Relation));
  add(IRI.type, iri(IRI.statement));
  add(IRI.subject, iri(subject));
  add(IRI.predicate, iri(predicate));
  add(IRI.object, iri(object));
  add(IRI.key, str(key));
  const extra: Attributes = {};
  for (const [k, value] of Object.entries(a)) {
    if (Object.hasOwn(RELATION_STRING_PROPERTIES, k) && typeof value === "string")
      add(RELATION_STRING_PROPERTIES[k], str(value));
    else if (k === "stance" && (STANCES as readonly unknown[]).includes(value)) add(IRI.stance, iri(valueIri(value)));
    else if (k === "modality" && (MODALITIES as readonly unknown[]).includes(value))
      add(IRI.modality, iri(valueIri(value)));
    else if (k === "confidence" && isNumber(value, "double")) add(IRI.confidence, decimal(value as number));
    else if (k === "qualifiers" && isQualifiers(value))
      for (const [q, text] of Object.entries(value)) add(QUALIFIER_PROPERTIES[q], str(text));
    else if (k === "evidence" && isEvidenceList(value)) out.push(...evidenceTriples(r, value, documents));
    else if (value !== undefined) extra[k] = value;
  }
  if (a.source === "curated" || a.source === "extracted")
    add(IRI.wasGeneratedBy, iri(a.source === "curated" ? IRI.curation : IRI.extraction));
  if (Object.keys(extra).length > 0) add(IRI.attributes, { value: JSON.stringify(extra), datatype: IRI.json });
  return out;
}

/** One evidence item of the model: a verbatim quote and its `[start, end)` UTF-16 offsets in a document. */
interface EvidenceItem {
  doc: string;
  quote: string;
  start: number;
  end: number;
}

function evidenceTriples(relation: string, evidence: EvidenceItem[], documents: DocumentTriples): Triple[] {
  const out: Triple[] = [];
  const annotations = evidence.map((_e, i) => `${relation}/evidence/${i}`);
  out.push([relation, IRI.evidence, { list: annotations.map(iri) }]);
  for (const doc of new Set(evidence.map((e) => e.doc)))
    out.push([relation, IRI.wasDerivedFrom, iri(documents.iri(doc))]);
  evidence.forEach((e, i) => {
    const a = annotations[i];
    const [target, quote, position] = [`${a}/target`, `${a}/quote`, `${a}/position`];
    out.push(
      [a, IRI.type, iri(IRI.annotation)],
      [a, IRI.motivatedBy, iri(IRI.describing)],
      [a, IRI.hasBody, iri(relation)],
      [a, IRI.hasTarget, iri(target)],
      [target, IRI.type, iri(IRI.specificResource)],
      [target, IRI.hasSource, iri(documents.iri(e.doc))],
      [target, IRI.hasSelector, iri(quote)],
      [target, IRI.hasSelector, iri(position)],
      [quote, IRI.type, iri(IRI.textQuoteSelector)],
      [quote, IRI.exact, str(e.quote)],
      ...documents.context(e).map(([p, text]): Triple => [quote, p, str(text)]),
      ...documents.position(e).map(([p, o]): Triple => [position, p, o]),
    );
  });
  return out;
}

/** Names documents, remembers which were described, and converts offsets with their text when it is at hand. */
class DocumentTriples {
  readonly #opts: RdfOptions;
  readonly #titles: Map<string, string | null>;
  readonly #described = new Set<string>();
  readonly #pending: Triple[] = [];
  readonly #indexes = new Map<string, { text: string; index: CodePointIndex } | null>();
  readonly #names: ReturnType<typeof iris>;

  constructor(opts: RdfOptions, titles: Map<string, string | null>) {
    this.#opts = opts;
    this.#titles = titles;
    this.#names = iris(opts.base);
  }

  /** The document's IRI; the first call also queues its description. */
  iri(id: string): string {
    const d = this.#names.document(id);
    if (this.#described.has(id)) return d;
    this.#described.add(id);
    this.#pending.push([d, IRI.type, iri(IRI.Document)], [d, IRI.type, iri(IRI.provEntity)], [d, IRI.key, str(id)]);
    const title = this.#titles.get(id);
    if (title) this.#pending.push([d, IRI.title, str(title)]);
    const text = this.#opts.embedDocumentText ? this.#text(id)?.text : undefined;
    if (text !== undefined) this.#pending.push([d, IRI.text, str(text)]);
    return d;
  }

  /** The descriptions queued since the last call. */
  take(): Triple[] {
    return this.#pending.splice(0);
  }

  /** oa:prefix and oa:suffix of a quote found verbatim at its offsets. */
  context(e: EvidenceItem): [string, string][] {
    const doc = this.#text(e.doc);
    if (!doc || doc.text.slice(e.start, e.end) !== e.quote) return [];
    const n = this.#opts.contextLength;
    return [
      [IRI.prefix, codePointsBefore(doc.text, e.start, n)],
      [IRI.suffix, codePointsAfter(doc.text, e.end, n)],
    ];
  }

  /** A TextPositionSelector in code points; in UTF-16 units (kg:Utf16PositionSelector) when they cannot be counted. */
  position(e: EvidenceItem): [string, RdfObject][] {
    const doc = this.#text(e.doc);
    const counted =
      doc !== null
        ? [doc.index.toCodePoint(e.start), doc.index.toCodePoint(e.end)]
        : e.start === 0 && e.end === e.quote.length
          ? [0, codePointLength(e.quote)]
          : null;
    if (counted === null)
      return [
        [IRI.type, iri(IRI.Utf16PositionSelector)],
        [IRI.utf16Start, typed(e.start, IRI.nonNegativeInteger)],
        [IRI.utf16End, typed(e.end, IRI.nonNegativeInteger)],
      ];
    return [
      [IRI.type, iri(IRI.textPositionSelector)],
      [IRI.start, typed(counted[0], IRI.nonNegativeInteger)],
      [IRI.end, typed(counted[1], IRI.nonNegativeInteger)],
    ];
  }

  #text(id: string): { text: string; index: CodePointIndex } | null {
    if (this.#indexes.has(id)) return this.#indexes.get(id)!;
    const text = this.#opts.documentText?.(id) ?? null;
    const entry = text === null ? null : { text, index: new CodePointIndex(text) };
    if (this.#indexes.size >= INDEX_CACHE_SIZE) this.#indexes.delete(this.#indexes.keys().next().value!);
    this.#indexes.set(id, entry);
    return entry;
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

function isNumber(value: unknown, kind: "double" | "integer"): boolean {
  return typeof value === "number" && (kind === "integer" ? Number.isSafeInteger(value) : Number.isFinite(value));
}

function isQualifiers(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(value).every(([k, v]) => Object.hasOwn(QUALIFIER_PROPERTIES, k) && typeof v === "string")
  );
}

function isEvidenceList(value: unknown): value is EvidenceItem[] {
  return (
    Array.isArray(value) &&
    value.every(
      (e) =>
        typeof e === "object" &&
        e !== null &&
        Object.keys(e).length === 4 &&
        typeof e.doc === "string" &&
        e.doc !== "" &&
        typeof e.quote === "string" &&
        Number.isSafeInteger(e.start) &&
        Number.isSafeInteger(e.end) &&
        e.start >= 0 &&
        e.end >= 0,
    )
  );
}
