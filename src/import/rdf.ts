/**
 * RDF import: rebuilds a knowledge graph from the triples the Turtle and JSON-LD exports write (see
 * export/rdfTriples.ts), converting Web Annotation code-point offsets back to UTF-16 with the document's text.
 */
import { MultiDirectedGraph } from "graphology";
import type Graph from "graphology";
import type { Attributes } from "graphology-types";
import type { Quad, Term } from "@rdfjs/types";
import { CodePointIndex, codePointLength } from "../export/codePoints.ts";
import {
  ENTITY_NUMBER_TYPES,
  ENTITY_STRING_PROPERTIES,
  IRI,
  KG,
  QUALIFIER_PROPERTIES,
  RELATION_STRING_PROPERTIES,
  typeOfClass,
} from "../export/rdfVocab.ts";
import type { KnowledgeGraph } from "../model/types.ts";
import { toKnowledgeGraph } from "./normalize.ts";
import { ImportError, type ImportOptions } from "./types.ts";

/** Tunables of the RDF readers, beyond the import options. */
export interface RdfImportOptions extends ImportOptions {
  /** Text of a document the file does not embed, to convert its code-point offsets; null when unavailable. */
  documentText: ((id: string) => string | null) | null;
}

type Index = Map<string, Map<string, Term[]>>;

/** Builds the graph the triples describe; `name` names the source in errors. */
export function readRdfQuads(
  quads: Iterable<Quad>,
  name: string,
  options: Partial<RdfImportOptions> = {},
): KnowledgeGraph {
  const { documentText = null, ...importOptions } = options;
  const index: Index = new Map();
  for (const q of quads) {
    let subject = index.get(key(q.subject));
    if (!subject) index.set(key(q.subject), (subject = new Map()));
    const values = subject.get(q.predicate.value);
    if (values) values.push(q.object);
    else subject.set(q.predicate.value, [q.object]);
  }
  const read = new Reader(index, name, documentText);
  const graph = new MultiDirectedGraph() as unknown as Graph;
  const entities = new Map<string, string>();
  for (const [subject, properties] of inExportOrder(index)) {
    const types = (properties.get(IRI.type) ?? []).map((t) => t.value);
    if (types.includes(IRI.Graph)) graph.replaceAttributes(read.json(subject) ?? {});
    if (!types.includes(IRI.Entity)) continue;
    const nodeKey = read.string(subject, IRI.key) ?? subject;
    entities.set(subject, nodeKey);
    graph.addNode(nodeKey, read.entity(subject, types));
  }
  for (const [subject, properties] of inExportOrder(index)) {
    if (!(properties.get(IRI.type) ?? []).some((t) => t.value === IRI.Relation)) continue;
    const [source, target] = [IRI.subject, IRI.object].map((p) => {
      const iri = properties.get(p)?.[0]?.value;
      const nodeKey = iri === undefined ? undefined : entities.get(iri);
      if (nodeKey === undefined)
        throw new ImportError(`import: ${name}: relation ${subject} names no entity of the file as ${p}; fix the file`);
      return nodeKey;
    });
    graph.addDirectedEdgeWithKey(read.string(subject, IRI.key) ?? subject, source, target, read.relation(subject));
  }
  return toKnowledgeGraph(graph, { jsonKeys: new Set() }, importOptions);
}

/** Reads the model's attributes off the indexed triples. */
class Reader {
  readonly #index: Index;
  readonly #name: string;
  readonly #documentText: ((id: string) => string | null) | null;
  readonly #texts = new Map<string, CodePointIndex | null>();
  /** Texts the file embeds (kg:text), by document id. */
  readonly #embedded = new Map<string, string>();

  constructor(index: Index, name: string, documentText: ((id: string) => string | null) | null) {
    this.#index = index;
    this.#name = name;
    this.#documentText = documentText;
    for (const [, p] of index) {
      const text = p.get(IRI.text)?.[0]?.value;
      const id = p.get(IRI.key)?.[0]?.value;
      if (text !== undefined && id !== undefined && p.get(IRI.type)?.some((t) => t.value === IRI.Document))
        this.#embedded.set(id, text);
    }
  }

  entity(subject: string, types: string[]): Attributes {
    const a: Attributes = {};
    const type = types.map(typeOfClass).find((t) => t !== null);
    if (type) a.type = type;
    for (const [attribute, p] of Object.entries(ENTITY_STRING_PROPERTIES)) {
      const value = this.string(subject, p);
      if (value !== null) a[attribute] = value;
    }
    for (const attribute of Object.keys(ENTITY_NUMBER_TYPES)) {
      const value = this.string(subject, `${KG}${attribute}`);
      if (value !== null) a[attribute] = Number(value);
    }
    const aliases = this.list(subject, IRI.aliases);
    if (aliases) a.aliases = aliases.map((t) => t.value);
    const documents = this.list(subject, IRI.documents);
    if (documents) a.documents = documents.map((t) => this.documentKey(t.value));
    return { ...a, ...this.json(subject) };
  }

  relation(subject: string): Attributes {
    const a: Attributes = {};
    for (const [attribute, p] of Object.entries(RELATION_STRING_PROPERTIES)) {
      const value = this.string(subject, p);
      if (value !== null) a[attribute] = value;
    }
    for (const [p, attribute] of [
      [IRI.stance, "stance"],
      [IRI.modality, "modality"],
    ]) {
      const value = this.first(subject, p)?.value;
      if (value?.startsWith(KG)) a[attribute] = value.slice(KG.length);
    }
    const confidence = this.string(subject, IRI.confidence);
    if (confidence !== null) a.confidence = Number(confidence);
    const qualifiers: Record<string, string> = {};
    for (const [q, p] of Object.entries(QUALIFIER_PROPERTIES)) {
      const value = this.string(subject, p);
      if (value !== null) qualifiers[q] = value;
    }
    if (Object.keys(qualifiers).length > 0) a.qualifiers = qualifiers;
    const evidence = this.list(subject, IRI.evidence);
    if (evidence) a.evidence = evidence.map((annotation) => this.evidence(key(annotation)));
    return { ...a, ...this.json(subject) };
  }

  /** One annotation back as `{ doc, quote, start, end }` with UTF-16 offsets. */
  evidence(annotation: string): { doc: string; quote: string; start: number; end: number } {
    const target = this.#need(annotation, IRI.hasTarget);
    const doc = this.documentKey(this.#need(target, IRI.hasSource));
    const selectors = (this.#index.get(target)?.get(IRI.hasSelector) ?? []).map((t) => {
      const s = key(t);
      return { s, types: (this.#index.get(s)?.get(IRI.type) ?? []).map((type) => type.value) };
    });
    const quoteSelector = selectors.find((x) => x.types.includes(IRI.textQuoteSelector));
    const quote = quoteSelector ? this.string(quoteSelector.s, IRI.exact) : null;
    let offsets: [number, number] | null = null;
    for (const { s, types } of selectors) {
      if (types.includes(IRI.Utf16PositionSelector))
        offsets = [Number(this.string(s, IRI.utf16Start)), Number(this.string(s, IRI.utf16End))];
      else if (types.includes(IRI.textPositionSelector) && quote !== null)
        offsets = this.#toUtf16(doc, [Number(this.string(s, IRI.start)), Number(this.string(s, IRI.end))], quote);
    }
    if (quote === null || offsets === null)
      throw new ImportError(`import: ${this.#name}: evidence ${annotation} lacks a quote or a position; fix the file`);
    return { doc, quote, start: offsets[0], end: offsets[1] };
  }

  documentKey(iri: string): string {
    return this.string(iri, IRI.key) ?? iri;
  }

  string(subject: string, predicate: string): string | null {
    return this.first(subject, predicate)?.value ?? null;
  }

  first(subject: string, predicate: string): Term | undefined {
    return this.#index.get(subject)?.get(predicate)?.[0];
  }

  /** An RDF collection's items, or null when the property is absent. */
  list(subject: string, predicate: string): Term[] | null {
    let node = this.first(subject, predicate);
    if (node === undefined) return null;
    const items: Term[] = [];
    while (node && !(node.termType === "NamedNode" && node.value === IRI.nil)) {
      const item = this.first(key(node), IRI.first);
      if (item === undefined)
        throw new ImportError(`import: ${this.#name}: a broken list under ${subject}; fix the file`);
      items.push(item);
      node = this.first(key(node), IRI.rest);
    }
    return items;
  }

  json(subject: string): Attributes | null {
    const text = this.string(subject, IRI.attributes);
    return text === null ? null : (JSON.parse(text) as Attributes);
  }

  /** Code points to UTF-16 with the document's text (embedded or given); without it, only a quote at 0 converts. */
  #toUtf16(doc: string, [start, end]: [number, number], quote: string): [number, number] {
    const index = this.#textIndex(doc);
    if (index) return [index.toUtf16(start), index.toUtf16(end)];
    if (start === 0 && end === codePointLength(quote)) return [0, quote.length];
    throw new ImportError(
      `import: ${this.#name}: document "${doc}" is not in the file, so its code-point offsets cannot be converted; export with the document texts or give them to the import`,
    );
  }

  #textIndex(doc: string): CodePointIndex | null {
    if (!this.#texts.has(doc)) {
      const text = this.#embedded.get(doc) ?? this.#documentText?.(doc) ?? null;
      this.#texts.set(doc, text === null ? null : new CodePointIndex(text));
    }
    return this.#texts.get(doc)!;
  }

  #need(subject: string, predicate: string): string {
    const term = this.first(subject, predicate);
    if (term === undefined)
      throw new ImportError(`import: ${this.#name}: ${subject} has no <${predicate}>; fix the file`);
    return key(term);
  }
}

/** Subjects ordered by kg:index where they have one (entities, relations), else in file order. */
function inExportOrder(index: Index): [string, Map<string, Term[]>][] {
  const position = (p: Map<string, Term[]>) => {
    const value = p.get(IRI.index)?.[0]?.value;
    return value === undefined ? Number.MAX_SAFE_INTEGER : Number(value);
  };
  // Array.prototype.sort is stable: subjects without an index keep the file's order.
  return [...index].sort((a, b) => position(a[1]) - position(b[1]));
}

/** How a subject or object is indexed: IRIs by value, blank nodes by `_:` label. */
function key(term: Term): string {
  return term.termType === "BlankNode" ? `_:${term.value}` : term.value;
}
