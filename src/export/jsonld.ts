/**
 * JSON-LD writer: streams the RDF triples of a graph (see rdfTriples.ts) as one JSON-LD document with the
 * vocabulary's @context and one node object per subject of each element, a chunk at a time.
 */
import type { KnowledgeGraph } from "../model/types.ts";
import { rdfTriples, type RdfObject, type RdfOptions, type Triple } from "./rdfTriples.ts";
import { IRI, jsonLdContext, PREFIXES } from "./rdfVocab.ts";
import { yieldToEventLoop } from "../util/yieldToEventLoop.ts";

/** Tunables of {@link writeJsonLd} beyond the RDF mapping's. */
export interface JsonLdOptions extends RdfOptions {
  chunkSize: number;
  yieldEvery: number;
}

/** Defaults: 64 KB chunks; a yield to the event loop every 50 relations (each is about 25 triples with its evidence). */
export const DEFAULT_JSONLD_OPTIONS: Pick<JsonLdOptions, "chunkSize" | "yieldEvery"> = {
  chunkSize: 64 * 1024,
  yieldEvery: 50,
};

const PREFIX_LIST = Object.entries(PREFIXES).sort((a, b) => b[1].length - a[1].length);

/** Streams `graph` as JSON-LD; concatenating the chunks gives the file. */
export async function* writeJsonLd(
  graph: KnowledgeGraph,
  options: Partial<JsonLdOptions> = {},
): AsyncGenerator<string> {
  const { chunkSize, yieldEvery, ...rdf } = { ...DEFAULT_JSONLD_OPTIONS, ...options };
  let buffer = `{"@context":${JSON.stringify(jsonLdContext())},"@graph":[`;
  let first = true;
  let count = 0;
  for (const triples of rdfTriples(graph, rdf)) {
    for (const node of nodeObjects(triples)) {
      buffer += (first ? "\n" : ",\n") + JSON.stringify(node);
      first = false;
    }
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = "";
    }
    if (++count % yieldEvery === 0) await yieldToEventLoop();
  }
  yield buffer + "\n]}\n";
}

/** One node object per subject, in first-seen order; rdf:type becomes @type. */
export function nodeObjects(triples: Triple[]): Record<string, unknown>[] {
  const nodes = new Map<string, Record<string, unknown[]>>();
  for (const [s, p, o] of triples) {
    let node = nodes.get(s);
    if (!node) nodes.set(s, (node = {}));
    const key = p === IRI.type ? "@type" : compact(p);
    (node[key] ??= []).push(p === IRI.type && "iri" in o ? compact(o.iri) : value(o));
  }
  return [...nodes].map(([id, properties]) => ({ "@id": id, ...properties }));
}

function value(o: RdfObject): unknown {
  if ("iri" in o) return { "@id": o.iri };
  if ("list" in o) return { "@list": o.list.map(value) };
  return o.datatype ? { "@value": o.value, "@type": compact(o.datatype) } : { "@value": o.value };
}

function compact(iri: string): string {
  for (const [prefix, namespace] of PREFIX_LIST)
    if (iri.startsWith(namespace) && /^[A-Za-z_][\w.-]*$/.test(iri.slice(namespace.length)))
      return `${prefix}:${iri.slice(namespace.length)}`;
  return iri;
}
